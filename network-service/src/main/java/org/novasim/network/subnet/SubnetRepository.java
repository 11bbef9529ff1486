package org.novasim.network.subnet;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface SubnetRepository extends ListCrudRepository<SubnetEntity, String> {

    /** In creation order: the order automatic allocation tries them in. */
    List<SubnetEntity> findByNetworkIdOrderByCreatedAtAscIdAsc(String networkId);
}
