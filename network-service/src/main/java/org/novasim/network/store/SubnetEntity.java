package org.novasim.network.store;

import java.time.Instant;
import java.util.List;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.Subnet;
import org.novasim.network.ip.IpRange;
import org.novasim.network.ipam.SubnetPools;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code subnets} with its allocation pools: one aggregate, written once and never updated. */
@Table("subnets")
public record SubnetEntity(
        @Id String id,
        String networkId,
        String name,
        String projectId,
        int ipVersion,
        String cidr,
        String gatewayIp,
        boolean enableDhcp,
        String description,
        Instant createdAt,
        Instant updatedAt,

        @MappedCollection(idColumn = "subnet_id", keyColumn = "pool_index")
        List<PoolEntity> pools) {

    /** A row of {@code subnet_allocation_pools}. */
    @Table("subnet_allocation_pools")
    public record PoolEntity(String firstIp, String lastIp) {}

    public SubnetPools toPools() {
        return new SubnetPools(
                id,
                ipVersion,
                pools.stream().map(p -> IpRange.parse(p.firstIp(), p.lastIp())).toList());
    }

    public Subnet toContract() {
        return new Subnet(
                id,
                name,
                networkId,
                projectId,
                ipVersion,
                cidr,
                gatewayIp,
                pools.stream()
                        .map(p -> new AllocationPool(p.firstIp(), p.lastIp()))
                        .toList(),
                enableDhcp,
                description,
                createdAt,
                updatedAt);
    }
}
