package org.novasim.common.conductor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkInfo;

/**
 * A state change of an instance, applied only if its task state is one of {@code expectedTaskStates} (null in
 * the list means "no task"), as Nova's instance.save(expected_task_state=...). The task state is always given
 * (null is "no task"); vm state, power state, host, network info and launch time are left unchanged when null, so
 * a host can move a task along (a reboot's reboot_pending) without knowing the vm state. Finished steps ride
 * along as events.
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
        // Not List.copyOf: "no task" is a null element.
        expectedTaskStates = expectedTaskStates == null ? List.of() : new ArrayList<>(expectedTaskStates);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
