package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A network asked for by name matches more than one network (Nova's NetworkAmbiguous, HTTP 409). */
public class NetworkAmbiguousException extends RemoteError {

    public NetworkAmbiguousException(String message) {
        super(message);
    }

    public static NetworkAmbiguousException named(String name) {
        return new NetworkAmbiguousException("More than one possible network named " + name
                + " found. Specify the network ID to select which one to connect to.");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
