package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** The network has no free address left (Neutron's IpAddressGenerationFailure). Retrying elsewhere cannot help. */
public class IpAddressExhaustedException extends RemoteError {

    public IpAddressExhaustedException(String message) {
        super(message);
    }

    public static IpAddressExhaustedException onNetwork(String networkId) {
        return new IpAddressExhaustedException("No more IP addresses available on network " + networkId + ".");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
