package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** No port with that id, or none the caller may see (Neutron's PortNotFound, HTTP 404). */
public class PortNotFoundException extends RemoteError {

    public PortNotFoundException(String message) {
        super(message);
    }

    public static PortNotFoundException of(String portId) {
        return new PortNotFoundException("Port " + portId + " could not be found.");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
