package org.novasim.compute.build;

import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;

/**
 * The stages a build goes through on its host once the host has claimed the instance, in order (Nova's
 * _build_and_run_instance): each is recorded as an event of the create action and shown as a task state while it
 * runs. A build only ever moves to the {@link #next} stage; {@link #ACTIVE} ends it.
 */
enum BuildStage {
    NETWORKING(ActionEvent.ALLOCATE_NETWORK, TaskState.NETWORKING),
    BLOCK_DEVICE_MAPPING(ActionEvent.BLOCK_DEVICE_MAPPING, TaskState.BLOCK_DEVICE_MAPPING),
    SPAWNING(ActionEvent.SPAWN, TaskState.SPAWNING),
    ACTIVE(null, TaskState.NONE);

    private final String event;
    private final TaskState taskState;

    BuildStage(String event, TaskState taskState) {
        this.event = event;
        this.taskState = taskState;
    }

    /** The action event this stage is recorded as; null for the end, which is no stage of its own. */
    String event() {
        return event;
    }

    TaskState taskState() {
        return taskState;
    }

    VmState vmState() {
        return this == ACTIVE ? VmState.ACTIVE : VmState.BUILDING;
    }

    PowerState powerState() {
        return this == ACTIVE ? PowerState.RUNNING : PowerState.NOSTATE;
    }

    BuildStage next() {
        if (this == ACTIVE) {
            throw new IllegalStateException("a build that is active has no next stage");
        }
        return values()[ordinal() + 1];
    }
}
