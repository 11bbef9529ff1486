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
    public static final String PAUSE = "pause";
    public static final String UNPAUSE = "unpause";
    public static final String SUSPEND = "suspend";
    public static final String RESUME = "resume";
    public static final String RESCUE = "rescue";
    public static final String UNRESCUE = "unrescue";
    public static final String CHANGE_PASSWORD = "changePassword";
    public static final String REBUILD = "rebuild";
    public static final String CREATE_IMAGE = "createImage";
    public static final String SHELVE = "shelve";
    public static final String SHELVE_OFFLOAD = "shelveOffload";
    public static final String UNSHELVE = "unshelve";
    public static final String RESIZE = "resize";
    public static final String MIGRATE = "migrate";
    public static final String CONFIRM_RESIZE = "confirmResize";
    public static final String REVERT_RESIZE = "revertResize";
    public static final String LOCK = "lock";
    public static final String UNLOCK = "unlock";
    public static final String RESET_STATE = "resetState";

    InstanceAction failed(Instant now) {
        return new InstanceAction(id, instanceUuid, action, requestId, projectId, userId, startTime, "Error", now);
    }
}
