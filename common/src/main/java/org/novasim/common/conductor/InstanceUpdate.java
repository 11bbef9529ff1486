package org.novasim.common.conductor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkInfo;

/**
 * A state change of an instance, applied only if its task state is one of {@code expectedTaskStates}, as Nova's
 * instance.save(expected_task_state=...). The task state is always given ({@link TaskState#NONE} is "no task");
 * vm state, power state, host, network info and launch time are left unchanged when null, so a host can move a
 * task along (a reboot's reboot_pending) without knowing the vm state. Finished steps ride along as events.
 *
 * <p>Build one with {@link #task} and the {@code with...} methods, which name what they set.
 */
public record InstanceUpdate(
        String instanceUuid,
        VmState vmState,
        TaskState taskState,
        PowerState powerState,
        List<TaskState> expectedTaskStates,
        String host,
        NetworkInfo networkInfo,
        Instant launchedAt,
        List<ActionEvent> events) {

    public InstanceUpdate {
        // On the wire "no task" is null, as Nova writes it; here it is NONE.
        taskState = TaskState.orNone(taskState);
        expectedTaskStates = expectedTaskStates == null
                ? List.of()
                : expectedTaskStates.stream().map(TaskState::orNone).toList();
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Moves the instance on {@code host} to {@code taskState} if its task is one of {@code expected}. */
    public static InstanceUpdate task(
            String instanceUuid, String host, Collection<TaskState> expected, TaskState taskState) {
        return new InstanceUpdate(
                instanceUuid, null, taskState, null, List.copyOf(expected), host, null, null, List.of());
    }

    public InstanceUpdate withVmState(VmState state) {
        return new InstanceUpdate(
                instanceUuid, state, taskState, powerState, expectedTaskStates, host, networkInfo, launchedAt, events);
    }

    public InstanceUpdate withPowerState(PowerState state) {
        return new InstanceUpdate(
                instanceUuid, vmState, taskState, state, expectedTaskStates, host, networkInfo, launchedAt, events);
    }

    public InstanceUpdate withNetworkInfo(NetworkInfo info) {
        return new InstanceUpdate(
                instanceUuid, vmState, taskState, powerState, expectedTaskStates, host, info, launchedAt, events);
    }

    public InstanceUpdate withLaunchedAt(Instant time) {
        return new InstanceUpdate(
                instanceUuid, vmState, taskState, powerState, expectedTaskStates, host, networkInfo, time, events);
    }

    public InstanceUpdate withEvents(List<ActionEvent> finished) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                finished);
    }
}
