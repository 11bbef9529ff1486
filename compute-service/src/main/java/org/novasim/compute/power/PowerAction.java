package org.novasim.compute.power;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.compute.virt.HypervisorDriver;

/**
 * The power actions a host carries out, each as Nova's compute manager does it: the task states it moves the
 * instance through (the API sets the first; the host reports the others, then drives the hypervisor), and where
 * the instance ends when the hypervisor is done. A failure gives the task up (Nova's reverts_task_state), except
 * that a reboot leaving the guest off breaks the instance.
 */
enum PowerAction {
    STOP(ActionEvent.STOP, List.of(TaskState.POWERING_OFF), VmState.STOPPED, PowerState.SHUTDOWN),
    START(ActionEvent.START, List.of(TaskState.POWERING_ON), VmState.ACTIVE, PowerState.RUNNING),
    SOFT_REBOOT(ActionEvent.REBOOT, TaskState.SOFT_REBOOT_STATES, VmState.ACTIVE, PowerState.RUNNING),
    HARD_REBOOT(ActionEvent.REBOOT, TaskState.HARD_REBOOT_STATES, VmState.ACTIVE, PowerState.RUNNING);

    private final String event;
    private final List<TaskState> taskStates;
    private final VmState endVmState;
    private final PowerState endPowerState;

    PowerAction(String event, List<TaskState> taskStates, VmState endVmState, PowerState endPowerState) {
        this.event = event;
        this.taskStates = taskStates;
        this.endVmState = endVmState;
        this.endPowerState = endPowerState;
    }

    String event() {
        return event;
    }

    /** In order; the first is the one the API set. */
    List<TaskState> taskStates() {
        return taskStates;
    }

    /** The task state the action is in while the hypervisor works. */
    TaskState lastTaskState() {
        return taskStates.get(taskStates.size() - 1);
    }

    VmState endVmState() {
        return endVmState;
    }

    PowerState endPowerState() {
        return endPowerState;
    }

    boolean isReboot() {
        return this == SOFT_REBOOT || this == HARD_REBOOT;
    }

    CompletableFuture<Void> drive(HypervisorDriver driver, String host, String uuid) {
        return switch (this) {
            case STOP -> driver.powerOff(host, uuid);
            case START -> driver.powerOn(host, uuid);
            case SOFT_REBOOT -> driver.reboot(host, uuid, false);
            case HARD_REBOOT -> driver.reboot(host, uuid, true);
        };
    }
}
