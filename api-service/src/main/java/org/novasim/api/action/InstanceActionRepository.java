package org.novasim.api.action;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface InstanceActionRepository extends ListCrudRepository<InstanceAction, Long> {

    Optional<InstanceAction> findByInstanceUuidAndRequestId(String instanceUuid, String requestId);

    List<InstanceAction> findByInstanceUuidOrderByStartTimeDescIdDesc(String instanceUuid);
}
