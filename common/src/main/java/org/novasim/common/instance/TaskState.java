package org.novasim.common.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Nova's task_state: what is being done to the instance right now, {@link #NONE} when nothing is. The values are
 * Nova's own strings (note {@code powering-off} and {@code powering-on} with a hyphen), as the API shows them; no
 * task is null in the database, on the wire and in the API, as in Nova, and {@link #NONE} everywhere in between,
 * so lists of expected states hold no nulls.
 */
public enum TaskState {
    NONE(null),
    SCHEDULING("scheduling"),
    BLOCK_DEVICE_MAPPING("block_device_mapping"),
    NETWORKING("networking"),
    SPAWNING("spawning"),
    DELETING("deleting"),
    POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"),
    REBOOTING("rebooting"),
    REBOOT_PENDING("reboot_pending"),
    REBOOT_STARTED("reboot_started"),
    REBOOTING_HARD("rebooting_hard"),
    REBOOT_PENDING_HARD("reboot_pending_hard"),
    REBOOT_STARTED_HARD("reboot_started_hard"),
    PAUSING("pausing"),
    UNPAUSING("unpausing"),
    SUSPENDING("suspending"),
    RESUMING("resuming"),
    RESCUING("rescuing"),
    UNRESCUING("unrescuing"),
    UPDATING_PASSWORD("updating_password"),
    REBUILDING("rebuilding"),
    REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
    REBUILD_SPAWNING("rebuild_spawning"),
    IMAGE_SNAPSHOT("image_snapshot"),
    IMAGE_PENDING_UPLOAD("image_pending_upload"),
    IMAGE_UPLOADING("image_uploading"),
    SHELVING("shelving"),
    SHELVING_IMAGE_PENDING_UPLOAD("shelving_image_pending_upload"),
    SHELVING_IMAGE_UPLOADING("shelving_image_uploading"),
    SHELVING_OFFLOADING("shelving_offloading"),
    UNSHELVING("unshelving"),
    RESIZE_PREP("resize_prep"),
    RESIZE_MIGRATING("resize_migrating"),
    RESIZE_MIGRATED("resize_migrated"),
    RESIZE_FINISH("resize_finish"),
    RESIZE_REVERTING("resize_reverting"),
    MIGRATING("migrating");

    /** Task states of a soft reboot in progress (Nova's task_states.soft_reboot_states). */
    public static final List<TaskState> SOFT_REBOOT_STATES = List.of(REBOOTING, REBOOT_PENDING, REBOOT_STARTED);
    /** Task states of a hard reboot in progress (Nova's task_states.hard_reboot_states). */
    public static final List<TaskState> HARD_REBOOT_STATES =
            List.of(REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD);

    /** Task states of a resize or cold migration on its way to the new host (status RESIZE). */
    public static final List<TaskState> RESIZE_STATES =
            List.of(RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH);
    /** Task states of a rebuild (status REBUILD). */
    public static final List<TaskState> REBUILD_STATES =
            List.of(REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING, REBUILD_SPAWNING);

    private final String value;

    TaskState(String value) {
        this.value = value;
    }

    /** Nova's string, null for {@link #NONE}. */
    @JsonValue
    public String value() {
        return value;
    }

    /** As Nova's messages write it: the value, or {@code None}. */
    public String describe() {
        return value == null ? "None" : value;
    }

    /** The task state of a value as Nova writes it; {@link #NONE} for null (no task). */
    @JsonCreator
    public static TaskState of(String value) {
        if (value == null) {
            return NONE;
        }
        for (TaskState state : values()) {
            if (value.equals(state.value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown task state " + value);
    }

    /** Null (absent on the wire) is no task. */
    public static TaskState orNone(TaskState state) {
        return state == null ? NONE : state;
    }
}
