package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A port asked for by an instance is already attached to another device (Neutron's PortInUse, HTTP 409). */
public class PortInUseException extends RemoteError {

    public PortInUseException(String message) {
        super(message);
    }

    public static PortInUseException of(String portId, String networkId, String deviceId) {
        return new PortInUseException("Unable to complete operation on port " + portId + " for network " + networkId
                + ". Port already has an attached device " + deviceId + ".");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
