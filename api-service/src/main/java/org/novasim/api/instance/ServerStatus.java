package org.novasim.api.instance;

import java.util.Locale;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;

/** The API's {@code status} of a server from its vm_state and task_state (nova/api/openstack/common.py). */
public final class ServerStatus {

    private ServerStatus() {}

    public static String of(VmState vmState, TaskState taskState) {
        return switch (vmState) {
            case BUILDING -> "BUILD";
            case ACTIVE -> activeStatus(taskState);
            case STOPPED -> movingOr(taskState, "SHUTOFF");
            case ERROR -> TaskState.REBUILD_STATES.contains(taskState) ? "REBUILD" : "ERROR";
            case DELETED -> "DELETED";
            case SOFT_DELETED -> "SOFT_DELETED";
            case PAUSED -> taskState == TaskState.MIGRATING ? "MIGRATING" : "PAUSED";
            case SUSPENDED -> "SUSPENDED";
            case RESCUED -> "RESCUE";
            case RESIZED -> taskState == TaskState.RESIZE_REVERTING ? "REVERT_RESIZE" : "VERIFY_RESIZE";
            case SHELVED -> "SHELVED";
            case SHELVED_OFFLOADED -> "SHELVED_OFFLOADED";
        };
    }

    private static String activeStatus(TaskState taskState) {
        return switch (taskState) {
            case REBOOTING, REBOOT_PENDING, REBOOT_STARTED -> "REBOOT";
            case REBOOTING_HARD, REBOOT_PENDING_HARD, REBOOT_STARTED_HARD -> "HARD_REBOOT";
            case UPDATING_PASSWORD -> "PASSWORD";
            default -> movingOr(taskState, "ACTIVE");
        };
    }

    /** Nova's _STATE_MAP: a resize, a migration or a rebuild shows over the vm state's own status. */
    private static String movingOr(TaskState taskState, String otherwise) {
        if (TaskState.RESIZE_STATES.contains(taskState)) {
            return "RESIZE";
        }
        if (TaskState.REBUILD_STATES.contains(taskState)) {
            return "REBUILD";
        }
        return taskState == TaskState.MIGRATING ? "MIGRATING" : otherwise;
    }

    /** The vm_states a status filter stands for ({@code ?status=ACTIVE}); null for an unknown status. */
    public static VmState vmStateOf(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "BUILD" -> VmState.BUILDING;
            case "ACTIVE", "REBOOT", "HARD_REBOOT" -> VmState.ACTIVE;
            case "SHUTOFF" -> VmState.STOPPED;
            case "ERROR" -> VmState.ERROR;
            case "DELETED" -> VmState.DELETED;
            case "PAUSED" -> VmState.PAUSED;
            case "SUSPENDED" -> VmState.SUSPENDED;
            case "RESCUE" -> VmState.RESCUED;
            case "VERIFY_RESIZE" -> VmState.RESIZED;
            case "SHELVED" -> VmState.SHELVED;
            case "SHELVED_OFFLOADED" -> VmState.SHELVED_OFFLOADED;
            case "SOFT_DELETED" -> VmState.SOFT_DELETED;
            default -> null;
        };
    }
}
