package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A requested fixed address is already taken by another port (Neutron's IpAddressInUse, HTTP 409). */
public class FixedIpInUseException extends RemoteError {

    public FixedIpInUseException(String message) {
        super(message);
    }

    public static FixedIpInUseException of(String networkId, String address) {
        return new FixedIpInUseException("Unable to complete operation for network " + networkId + ". The IP address "
                + address + " is in use.");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
