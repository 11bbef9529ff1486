package org.novasim.network.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PortRepository extends ListCrudRepository<PortEntity, String> {

    // Queries spelled out: Spring Data JDBC builds a derived query's SQL from the method name on every call,
    // and these run for every allocation (about a third of network-service's CPU under launch load).

    @Query("SELECT * FROM ports WHERE device_id = :deviceId")
    List<PortEntity> findByDeviceId(String deviceId);

    @Query("SELECT * FROM ports WHERE device_id = :deviceId AND network_id = :networkId")
    Optional<PortEntity> findByDeviceIdAndNetworkId(String deviceId, String networkId);

    boolean existsByNetworkId(String networkId);
}
