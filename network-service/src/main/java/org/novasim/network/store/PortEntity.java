package org.novasim.network.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code ports}. Its addresses live in {@code port_fixed_ips}, written by IPAM one row at a time (a
 * collection of the aggregate would be rewritten whole on every update).
 *
 * @param deviceId      null while unbound
 * @param bindingHostId null while unbound
 */
@Table("ports")
public record PortEntity(
        @Id String id,
        String networkId,
        String name,
        String macAddress,
        String deviceId,
        String deviceOwner,
        String projectId,
        String status,
        boolean adminStateUp,
        String bindingHostId,
        boolean preserveOnDelete,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DOWN = "DOWN";
    public static final String OWNER_COMPUTE = "compute:nova";

    public boolean isBound() {
        return deviceId != null;
    }

    public PortEntity boundTo(String instanceUuid, String host, Instant now) {
        return new PortEntity(
                id,
                networkId,
                name,
                macAddress,
                instanceUuid,
                OWNER_COMPUTE,
                projectId,
                ACTIVE,
                adminStateUp,
                host,
                preserveOnDelete,
                description,
                createdAt,
                now);
    }

    public PortEntity unbound(Instant now) {
        return new PortEntity(
                id,
                networkId,
                name,
                macAddress,
                null,
                "",
                projectId,
                DOWN,
                adminStateUp,
                null,
                preserveOnDelete,
                description,
                createdAt,
                now);
    }
}
