package org.novasim.network.port;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface PortRepository extends ListCrudRepository<PortEntity, String> {

    List<PortEntity> findByDeviceId(String deviceId);

    Optional<PortEntity> findByDeviceIdAndNetworkId(String deviceId, String networkId);

    boolean existsByNetworkId(String networkId);
}
