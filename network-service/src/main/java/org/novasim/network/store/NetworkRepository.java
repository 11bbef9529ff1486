package org.novasim.network.store;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NetworkRepository extends ListCrudRepository<NetworkEntity, String> {

    // Queries spelled out: Spring Data JDBC builds a derived query's SQL from the method name on every call,
    // and these run for every allocation (about a third of network-service's CPU under launch load).

    @Query("SELECT * FROM networks WHERE name = :name")
    List<NetworkEntity> findByName(String name);
}
