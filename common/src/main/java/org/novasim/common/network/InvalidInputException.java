package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/**
 * A request the network service cannot accept as given: a malformed or misaligned CIDR, an overlapping subnet, a
 * gateway or pool outside the subnet, an address that is not an address (Neutron's InvalidInput, HTTP 400).
 */
public class InvalidInputException extends RemoteError {

    public InvalidInputException(String message) {
        super(message);
    }

    public static InvalidInputException because(String reason) {
        return new InvalidInputException("Invalid input for operation: " + reason);
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
