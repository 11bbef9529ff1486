package org.novasim.common.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A port as Neutron shows it: one NIC on one network. The binding fields keep Neutron's {@code binding:} names.
 *
 * @param deviceId      the instance (or other device) the port is attached to; "" when unbound
 * @param deviceOwner   {@code compute:nova} for instance ports; "" when unbound
 * @param status        {@code ACTIVE} when bound to a host, {@code DOWN} otherwise
 * @param bindingHostId the compute host the port is bound to; "" when unbound
 */
public record Port(
        String id,
        String name,
        String networkId,
        String projectId,
        String macAddress,
        List<PortFixedIp> fixedIps,
        String deviceId,
        String deviceOwner,
        String status,
        boolean adminStateUp,
        @JsonProperty("binding:host_id") String bindingHostId,
        @JsonProperty("binding:vif_type") String bindingVifType,
        @JsonProperty("binding:vnic_type") String bindingVnicType,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public Port {
        fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
    }
}
