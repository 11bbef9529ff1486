package org.novasim.api.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What was done to an instance, as os-instance-actions shows it (the {@link ActionLog} writes it). */
@Component
public class InstanceActions {

    private final InstanceActionRepository actions;
    private final InstanceActionEventRepository events;

    InstanceActions(InstanceActionRepository actions, InstanceActionEventRepository events) {
        this.actions = actions;
        this.events = events;
    }

    /** Newest first. */
    public List<InstanceAction> of(String instanceUuid) {
        return actions.findByInstanceUuidOrderByStartTimeDescIdDesc(instanceUuid);
    }

    public Optional<InstanceAction> find(String instanceUuid, String requestId) {
        return actions.findByInstanceUuidAndRequestId(instanceUuid, requestId);
    }

    /** Newest first, as Nova lists them. */
    public List<InstanceActionEvent> eventsOf(InstanceAction action) {
        List<InstanceActionEvent> found = new ArrayList<>(events.findByActionIdOrderByStartTimeAscIdAsc(action.id()));
        Collections.reverse(found);
        return found;
    }
}
