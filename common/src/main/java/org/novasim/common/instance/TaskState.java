package org.novasim.common.instance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Nova's task_state: what is being done to the instance right now; none (null) when nothing is. The values are
 * Nova's own strings (note {@code powering-off} and {@code powering-on} with a hyphen), as the API shows them.
 */
public enum TaskState {
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
    REBOOT_STARTED_HARD("reboot_started_hard");

    /** Task states of a soft reboot in progress (Nova's task_states.soft_reboot_states). */
    public static final List<TaskState> SOFT_REBOOT_STATES = List.of(REBOOTING, REBOOT_PENDING, REBOOT_STARTED);
    /** Task states of a hard reboot in progress (Nova's task_states.hard_reboot_states). */
    public static final List<TaskState> HARD_REBOOT_STATES =
            List.of(REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD);

    private final String value;

    TaskState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The task state of a value as Nova writes it; null for null (no task). */
    public static TaskState of(String value) {
        if (value == null) {
            return null;
        }
        for (TaskState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown task state " + value);
    }
}
