package org.novasim.network.store;

import java.time.Instant;
import java.util.List;
import org.novasim.common.network.Network;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code networks}. */
@Table("networks")
public record NetworkEntity(
        @Id String id,
        String name,
        String projectId,
        boolean shared,
        boolean routerExternal,
        boolean adminStateUp,
        String status,
        int mtu,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public Network toContract(List<String> subnetIds) {
        return new Network(
                id,
                name,
                projectId,
                shared,
                routerExternal,
                adminStateUp,
                status,
                mtu,
                subnetIds,
                description,
                createdAt,
                updatedAt);
    }
}
