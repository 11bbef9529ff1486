package org.novasim.common.network;

/** Filters of list_subnets; a null filter matches everything. A caller sees the subnets of networks it sees. */
public record ListSubnets(String id, String name, String networkId, String projectId, Integer ipVersion, String cidr) {

    public static ListSubnets all() {
        return new ListSubnets(null, null, null, null, null, null);
    }

    public static ListSubnets onNetwork(String networkId) {
        return new ListSubnets(null, null, networkId, null, null, null);
    }
}
