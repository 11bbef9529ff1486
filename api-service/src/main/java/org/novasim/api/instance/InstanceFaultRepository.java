package org.novasim.api.instance;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface InstanceFaultRepository extends ListCrudRepository<InstanceFault, Long> {

    Optional<InstanceFault> findFirstByInstanceUuidOrderByCreatedAtDescIdDesc(String instanceUuid);
}
