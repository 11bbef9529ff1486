package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A requested network does not exist. */
public class NetworkNotFoundException extends RemoteError {

    public NetworkNotFoundException(String message) {
        super(message);
    }

    public static NetworkNotFoundException of(String network) {
        return new NetworkNotFoundException("Network " + network + " could not be found.");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
