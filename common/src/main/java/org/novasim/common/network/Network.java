package org.novasim.common.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A network as Neutron shows it. Field names are Neutron's: snake_case on the wire, and {@code router:external}
 * spelled as Neutron spells it, so api-service can hand the record to clients as it is.
 *
 * @param subnets ids of the network's subnets
 * @param status  {@code ACTIVE} (a simulated network is up as soon as it exists)
 */
public record Network(
        String id,
        String name,
        String projectId,
        boolean shared,
        @JsonProperty("router:external") boolean routerExternal,
        boolean adminStateUp,
        String status,
        int mtu,
        List<String> subnets,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public Network {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }
}
