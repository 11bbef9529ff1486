package org.novasim.common.network;

import java.time.Instant;
import java.util.List;

/**
 * A subnet as Neutron shows it.
 *
 * @param gatewayIp       null when the subnet has no gateway
 * @param allocationPools where automatic allocation takes addresses from; never includes the gateway
 */
public record Subnet(
        String id,
        String name,
        String networkId,
        String projectId,
        int ipVersion,
        String cidr,
        String gatewayIp,
        List<AllocationPool> allocationPools,
        boolean enableDhcp,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public Subnet {
        allocationPools = allocationPools == null ? List.of() : List.copyOf(allocationPools);
    }
}
