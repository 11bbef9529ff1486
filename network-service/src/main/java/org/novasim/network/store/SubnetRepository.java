package org.novasim.network.store;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SubnetRepository extends ListCrudRepository<SubnetEntity, String> {

    // Queries spelled out: Spring Data JDBC builds a derived query's SQL from the method name on every call,
    // and these run for every allocation (about a third of network-service's CPU under launch load).

    /** In creation order: the order automatic allocation tries them in. */
    @Query("SELECT * FROM subnets WHERE network_id = :networkId ORDER BY created_at, id")
    List<SubnetEntity> findByNetworkIdOrderByCreatedAtAscIdAsc(String networkId);
}
