package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** The project already has as many networks, subnets or ports as its quota allows (Neutron's OverQuota, 409). */
public class OverQuotaException extends RemoteError {

    public OverQuotaException(String message) {
        super(message);
    }

    /** Neutron's wording, e.g. {@code Quota exceeded for resources: ['port'].} */
    public static OverQuotaException of(String resource) {
        return new OverQuotaException("Quota exceeded for resources: ['" + resource + "'].");
    }

    /** Another host cannot give the project more room. */
    @Override
    public boolean retryable() {
        return false;
    }
}
