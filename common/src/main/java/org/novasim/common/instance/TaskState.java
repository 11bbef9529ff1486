package org.novasim.common.instance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Nova's task_state: what is being done to the instance right now; none (null) when nothing is. */
public enum TaskState {
    SCHEDULING, BLOCK_DEVICE_MAPPING, NETWORKING, SPAWNING,
    DELETING,
    POWERING_OFF, POWERING_ON,
    REBOOTING, REBOOT_PENDING, REBOOT_STARTED,
    REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskState of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
