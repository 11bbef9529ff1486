package org.novasim.common.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Filters of list_networks, as Neutron's query parameters; a null filter matches everything. The caller's project
 * scope applies on top: a non-admin sees its own networks and the shared and external ones.
 */
public record ListNetworks(
        String id,
        String name,
        String projectId,
        Boolean shared,
        @JsonProperty("router:external") Boolean routerExternal,
        String status) {

    public static ListNetworks all() {
        return new ListNetworks(null, null, null, null, null, null);
    }

    public static ListNetworks named(String name) {
        return new ListNetworks(null, name, null, null, null, null);
    }
}
