package org.novasim.api.action;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface InstanceActionRepository extends ListCrudRepository<InstanceAction, Long> {

    // Spelled out: a derived query is rebuilt from the method name on every call, and this one runs for every
    // event batch a build reports (about a tenth of api-service's CPU under launch load).
    @Query("SELECT * FROM instance_actions WHERE instance_uuid = :instanceUuid AND request_id = :requestId")
    Optional<InstanceAction> findByInstanceUuidAndRequestId(String instanceUuid, String requestId);

    List<InstanceAction> findByInstanceUuidOrderByStartTimeDescIdDesc(String instanceUuid);
}
