package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A network cannot be deleted while ports remain on it (Neutron's NetworkInUse, HTTP 409). */
public class NetworkInUseException extends RemoteError {

    public NetworkInUseException(String message) {
        super(message);
    }

    public static NetworkInUseException of(String networkId) {
        return new NetworkInUseException("Unable to complete operation on network " + networkId
                + ". There are one or more ports still in use on the network.");
    }
}
