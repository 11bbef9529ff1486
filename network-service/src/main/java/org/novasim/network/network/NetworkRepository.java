package org.novasim.network.network;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface NetworkRepository extends ListCrudRepository<NetworkEntity, String> {

    List<NetworkEntity> findByName(String name);
}
