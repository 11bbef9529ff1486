package org.novasim.common.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Create a network. Null fields take Neutron's defaults: the caller's project, not shared, not external, admin
 * state up, the service's default MTU. Only an admin may create a network for another project, a shared one or an
 * external one.
 */
public record CreateNetwork(
        String name,
        String projectId,
        Boolean shared,
        @JsonProperty("router:external") Boolean routerExternal,
        Boolean adminStateUp,
        Integer mtu,
        String description) {

    public static CreateNetwork named(String name) {
        return new CreateNetwork(name, null, null, null, null, null, null);
    }
}
