package org.novasim.common.network;

import java.util.List;

/**
 * Create a subnet on a network, as Neutron's POST /v2.0/subnets.
 *
 * @param ipVersion       4 or 6; null takes the version of the CIDR
 * @param gatewayIp       null takes the first address of the CIDR, unless {@code noGateway}
 * @param noGateway       true when the client asked for no gateway (Neutron's explicit {@code "gateway_ip": null},
 *                        which JSON records cannot tell apart from an absent field)
 * @param allocationPools null or empty takes the whole CIDR less the network, broadcast (IPv4) and gateway addresses
 * @param enableDhcp      null means true
 */
public record CreateSubnet(
        String networkId,
        String name,
        String projectId,
        Integer ipVersion,
        String cidr,
        String gatewayIp,
        Boolean noGateway,
        List<AllocationPool> allocationPools,
        Boolean enableDhcp,
        String description) {

    public CreateSubnet {
        allocationPools = allocationPools == null ? List.of() : List.copyOf(allocationPools);
    }

    public static CreateSubnet of(String networkId, String name, String cidr) {
        return new CreateSubnet(networkId, name, null, null, cidr, null, null, null, null, null);
    }
}
