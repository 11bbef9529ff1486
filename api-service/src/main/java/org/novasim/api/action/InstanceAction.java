package org.novasim.api.action;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One user action on an instance (create, delete, stop ...) and who asked for it (os-instance-actions). */
@Table("instance_actions")
public record InstanceAction(
        @Id Long id,
        String instanceUuid,
        String action,
        String requestId,
        String projectId,
        String userId,
        Instant startTime,
        String message,
        Instant updatedAt) {

    public static final String CREATE = "create";
    public static final String DELETE = "delete";
    public static final String STOP = "stop";
    public static final String START = "start";
    public static final String REBOOT = "reboot";

    InstanceAction failed(Instant now) {
        return new InstanceAction(id, instanceUuid, action, requestId, projectId, userId, startTime, "Error", now);
    }
}
