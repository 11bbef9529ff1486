package org.novasim.api.action;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface InstanceActionEventRepository extends ListCrudRepository<InstanceActionEvent, Long> {

    List<InstanceActionEvent> findByActionIdOrderByStartTimeAscIdAsc(Long actionId);
}
