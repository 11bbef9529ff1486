package org.novasim.common.conductor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.rpc.Since;

/**
 * A state change of an instance, applied only if its task state is one of {@code expectedTaskStates}, as Nova's
 * instance.save(expected_task_state=...). The task state is always given ({@link TaskState#NONE} is "no task");
 * vm state, power state, host, network info and launch time are left unchanged when null, so a host can move a
 * task along (a reboot's reboot_pending) without knowing the vm state. Finished steps ride along as events.
 *
 * <p>From 1.3 an update may also give the instance another flavor (a resize finishing or reverting), take it off
 * its host (a shelved instance offloaded), move its migration on to another status, and record a fault, all in the
 * one transaction that changes its state.
 *
 * <p>Build one with {@link #task} and the {@code with...} methods, which name what they set.
 *
 * @param flavor          the flavor the instance has from now on, null to keep it
 * @param hostCleared     the instance is on no host any more (offloaded)
 * @param migrationId     the migration whose status changes with this update, null for none
 * @param migrationStatus its new status (Nova's: migrating, post-migrating, finished, confirmed, reverted, error)
 * @param fault           why the action failed, recorded as the instance's fault; null for none
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
        List<ActionEvent> events,
        @Since("1.3") FlavorSpec flavor,
        @Since("1.3") boolean hostCleared,
        @Since("1.3") Long migrationId,
        @Since("1.3") String migrationStatus,
        @Since("1.3") String fault) {

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
                instanceUuid,
                null,
                taskState,
                null,
                List.copyOf(expected),
                host,
                null,
                null,
                List.of(),
                null,
                false,
                null,
                null,
                null);
    }

    public InstanceUpdate withVmState(VmState state) {
        return new InstanceUpdate(
                instanceUuid,
                state,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                events,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
    }

    public InstanceUpdate withPowerState(PowerState state) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                state,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                events,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
    }

    public InstanceUpdate withNetworkInfo(NetworkInfo info) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                info,
                launchedAt,
                events,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
    }

    public InstanceUpdate withLaunchedAt(Instant time) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                time,
                events,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
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
                finished,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
    }

    public InstanceUpdate withFlavor(FlavorSpec newFlavor) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                events,
                newFlavor,
                hostCleared,
                migrationId,
                migrationStatus,
                fault);
    }

    public InstanceUpdate withFault(String message) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                events,
                flavor,
                hostCleared,
                migrationId,
                migrationStatus,
                message);
    }

    /** The instance leaves its host (a shelved instance offloaded): no host, no node. */
    public InstanceUpdate withHostCleared() {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                null,
                networkInfo,
                launchedAt,
                events,
                flavor,
                true,
                migrationId,
                migrationStatus,
                fault);
    }

    /** The migration {@code id} moves on to {@code status} with this update. */
    public InstanceUpdate withMigration(long id, String status) {
        return new InstanceUpdate(
                instanceUuid,
                vmState,
                taskState,
                powerState,
                expectedTaskStates,
                host,
                networkInfo,
                launchedAt,
                events,
                flavor,
                hostCleared,
                id,
                status,
                fault);
    }
}
