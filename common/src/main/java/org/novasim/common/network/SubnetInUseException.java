package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A subnet cannot be deleted while a port holds one of its addresses (Neutron's SubnetInUse, HTTP 409). */
public class SubnetInUseException extends RemoteError {

    public SubnetInUseException(String message) {
        super(message);
    }

    public static SubnetInUseException of(String subnetId) {
        return new SubnetInUseException("Unable to complete operation on subnet " + subnetId
                + ": One or more ports have an IP allocation from this subnet.");
    }
}
