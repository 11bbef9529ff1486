package org.novasim.compute.guest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.compute.virt.HypervisorDriver;

/**
 * The actions a host carries out on a guest it keeps, each as Nova's compute manager does it: the task states it
 * moves the instance through (the API sets the first; the host reports the others before it drives the
 * hypervisor), where the instance ends when the hypervisor is done (null: as it was), and how a failure ends
 * (Nova's reverts_task_state gives the task up; a reboot that leaves the guest off, or a rebuild, breaks the
 * instance).
 */
enum GuestAction {
    STOP(ActionEvent.STOP, List.of(TaskState.POWERING_OFF), VmState.STOPPED, PowerState.SHUTDOWN, Failure.REVERT),
    START(ActionEvent.START, List.of(TaskState.POWERING_ON), VmState.ACTIVE, PowerState.RUNNING, Failure.REVERT),
    SOFT_REBOOT(
            ActionEvent.REBOOT, TaskState.SOFT_REBOOT_STATES, VmState.ACTIVE, PowerState.RUNNING, Failure.ERROR_IF_OFF),
    HARD_REBOOT(
            ActionEvent.REBOOT, TaskState.HARD_REBOOT_STATES, VmState.ACTIVE, PowerState.RUNNING, Failure.ERROR_IF_OFF),
    PAUSE(ActionEvent.PAUSE, List.of(TaskState.PAUSING), VmState.PAUSED, PowerState.PAUSED, Failure.REVERT),
    UNPAUSE(ActionEvent.UNPAUSE, List.of(TaskState.UNPAUSING), VmState.ACTIVE, PowerState.RUNNING, Failure.REVERT),
    SUSPEND(
            ActionEvent.SUSPEND,
            List.of(TaskState.SUSPENDING),
            VmState.SUSPENDED,
            PowerState.SUSPENDED,
            Failure.REVERT),
    RESUME(ActionEvent.RESUME, List.of(TaskState.RESUMING), VmState.ACTIVE, PowerState.RUNNING, Failure.REVERT),
    RESCUE(ActionEvent.RESCUE, List.of(TaskState.RESCUING), VmState.RESCUED, PowerState.RUNNING, Failure.ERROR),
    UNRESCUE(ActionEvent.UNRESCUE, List.of(TaskState.UNRESCUING), VmState.ACTIVE, PowerState.RUNNING, Failure.ERROR),
    SET_ADMIN_PASSWORD(
            ActionEvent.SET_ADMIN_PASSWORD, List.of(TaskState.UPDATING_PASSWORD), null, null, Failure.REVERT),
    SNAPSHOT(
            ActionEvent.SNAPSHOT,
            List.of(TaskState.IMAGE_SNAPSHOT, TaskState.IMAGE_PENDING_UPLOAD, TaskState.IMAGE_UPLOADING),
            null,
            null,
            Failure.REVERT),
    /** Stopped before, stopped after: {@link GuestActions} keeps a stopped guest off. */
    REBUILD(ActionEvent.REBUILD, TaskState.REBUILD_STATES, VmState.ACTIVE, PowerState.RUNNING, Failure.ERROR),
    SHELVE(
            ActionEvent.SHELVE,
            List.of(TaskState.SHELVING, TaskState.SHELVING_IMAGE_PENDING_UPLOAD, TaskState.SHELVING_IMAGE_UPLOADING),
            VmState.SHELVED,
            PowerState.SHUTDOWN,
            Failure.REVERT),
    /**
     * Back from the shelf: powered on where it still is, or claimed and spawned on the host the scheduler chose
     * (see {@link Shelver}).
     */
    UNSHELVE(
            ActionEvent.UNSHELVE,
            List.of(TaskState.UNSHELVING, TaskState.SPAWNING),
            VmState.ACTIVE,
            PowerState.RUNNING,
            Failure.REVERT),
    /** The guest leaves the host, which gives back what it held (see {@link Shelver}). */
    SHELVE_OFFLOAD(
            ActionEvent.SHELVE_OFFLOAD,
            List.of(TaskState.SHELVING_OFFLOADING),
            VmState.SHELVED_OFFLOADED,
            PowerState.SHUTDOWN,
            Failure.REVERT);

    /** How a failed action leaves the instance. */
    enum Failure {
        /** No task, the vm state as it was (Nova's reverts_task_state). */
        REVERT,
        /** As REVERT while the guest still runs, ERROR when it was left off. */
        ERROR_IF_OFF,
        /** ERROR, with the failure as the instance's fault. */
        ERROR
    }

    private final String event;
    private final List<TaskState> taskStates;
    private final VmState endVmState;
    private final PowerState endPowerState;
    private final Failure failure;

    GuestAction(
            String event, List<TaskState> taskStates, VmState endVmState, PowerState endPowerState, Failure failure) {
        this.event = event;
        this.taskStates = taskStates;
        this.endVmState = endVmState;
        this.endPowerState = endPowerState;
        this.failure = failure;
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

    /** Null: the action leaves the vm state as it was. */
    VmState endVmState() {
        return endVmState;
    }

    /** Null: the action leaves the power state as it was. */
    PowerState endPowerState() {
        return endPowerState;
    }

    Failure failure() {
        return failure;
    }

    CompletableFuture<Void> drive(HypervisorDriver driver, Target target) {
        String host = target.host();
        String uuid = target.uuid();
        return switch (this) {
            case STOP -> driver.powerOff(host, uuid);
            case START -> driver.powerOn(host, uuid);
            case SOFT_REBOOT -> driver.reboot(host, uuid, false);
            case HARD_REBOOT -> driver.reboot(host, uuid, true);
            case PAUSE -> driver.pause(host, uuid);
            case UNPAUSE -> driver.unpause(host, uuid);
            case SUSPEND -> driver.suspend(host, uuid);
            case RESUME -> driver.resume(host, uuid);
            case RESCUE -> driver.rescue(host, uuid);
            case UNRESCUE -> driver.unrescue(host, uuid);
            case SET_ADMIN_PASSWORD -> driver.setAdminPassword(host, uuid);
            case SNAPSHOT -> driver.snapshot(host, uuid);
            case REBUILD -> driver.rebuild(host, target.instance());
            case SHELVE -> driver.snapshot(host, uuid).thenCompose(ok -> driver.powerOff(host, uuid));
            case UNSHELVE ->
                driver.powerState(host, uuid) == PowerState.NOSTATE
                        ? driver.spawn(host, target.instance())
                        : driver.powerOn(host, uuid);
            case SHELVE_OFFLOAD -> {
                driver.destroy(host, uuid);
                yield CompletableFuture.completedFuture(null);
            }
        };
    }
}
