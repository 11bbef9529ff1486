package org.novasim.common.network;

import java.util.List;

/**
 * Give the instance one port, with a MAC and fixed addresses, on each requested network. Idempotent: asking again
 * for the same instance and network returns the port already allocated.
 */
public record AllocateForInstance(String instanceUuid, String projectId, String host, List<RequestedNetwork> networks) {

    public AllocateForInstance {
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
