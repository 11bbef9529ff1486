package org.novasim.api.action;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One step of an action, with its timing and result. */
@Table("instance_action_events")
public record InstanceActionEvent(
        @Id Long id,
        Long actionId,
        String event,
        Instant startTime,
        Instant finishTime,
        String result,
        String traceback,
        String host) {}
