package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** No subnet with that id, or none the caller may see (Neutron's SubnetNotFound, HTTP 404). */
public class SubnetNotFoundException extends RemoteError {

    public SubnetNotFoundException(String message) {
        super(message);
    }

    public static SubnetNotFoundException of(String subnetId) {
        return new SubnetNotFoundException("Subnet " + subnetId + " could not be found.");
    }
}
