package org.novasim.api.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.novasim.api.instance.Instance;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;

/** When an update that no longer applies is one that was applied already (sent twice), and when it is not. */
class InstanceStateWriterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final FlavorSpec SMALL = new FlavorSpec("1", "m1.small", 1, 512, 1, 0, 0, Map.of());

    private static Instance on(String host, VmState vm, TaskState task, PowerState power) {
        return new Instance(
                "i1", "vm", "p", "u", "r-1", 0, SMALL, "img", vm, task, power, host, null, null, null, null, null, T0,
                T0, null, null, false);
    }

    private static InstanceUpdate networking(String host) {
        return InstanceUpdate.task("i1", host, List.of(TaskState.NONE), TaskState.NETWORKING)
                .withVmState(VmState.BUILDING)
                .withPowerState(PowerState.NOSTATE);
    }

    @Test
    void theSameUpdateAgainOnTheSameHostWasAppliedAlready() {
        assertThat(InstanceStateWriter.alreadyApplied(
                        on("h1", VmState.BUILDING, TaskState.NETWORKING, PowerState.NOSTATE), networking("h1")))
                .isTrue();
    }

    @Test
    void anotherHostsUpdateOrAStateMovedOnIsNot() {
        assertThat(InstanceStateWriter.alreadyApplied(
                        on("h1", VmState.BUILDING, TaskState.NETWORKING, PowerState.NOSTATE), networking("h2")))
                .as("a second build of the instance elsewhere")
                .isFalse();
        assertThat(InstanceStateWriter.alreadyApplied(
                        on("h1", VmState.BUILDING, TaskState.DELETING, PowerState.NOSTATE), networking("h1")))
                .as("deleted under the build")
                .isFalse();
        assertThat(InstanceStateWriter.alreadyApplied(
                        on("h1", VmState.ERROR, TaskState.NETWORKING, PowerState.NOSTATE), networking("h1")))
                .isFalse();
    }
}
