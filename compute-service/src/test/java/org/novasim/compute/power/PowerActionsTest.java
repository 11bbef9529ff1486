package org.novasim.compute.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.compute.StartInstance;
import org.novasim.common.compute.StopInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.FakeDriverProperties;
import org.novasim.compute.virt.FakeDriver;

/** The state transitions a host reports for stop, start and reboot, with the task states each step expects. */
class PowerActionsTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ConductorClient conductor = mock(ConductorClient.class);
    private final List<InstanceUpdate> updates = new ArrayList<>();
    private final RpcContext context = RpcContext.system();
    private FakeDriver driver;
    private PowerActions power;

    @BeforeEach
    void setUp() throws Exception {
        driver = new FakeDriver(
                new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null),
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        power = new PowerActions(driver, conductor, Runnable::run, Clock.systemUTC());
        doAnswer(call -> updates.add(call.getArgument(1))).when(conductor).instanceUpdate(any(), any());
        driver.spawn(
                        "h1",
                        new InstanceInfo(
                                "i1",
                                "vm",
                                "p",
                                "u",
                                new FlavorSpec("1", "t", 1, 512, 1, 0, 0, Map.of()),
                                new ImageSpec("img", "cirros", Map.of()),
                                null))
                .get();
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    @Test
    void stopEndsStoppedAndShutDownFromPoweringOff() {
        power.stop(context, new StopInstance("h1", "i1"));

        InstanceUpdate done = single();
        assertThat(done.vmState()).isEqualTo(VmState.STOPPED);
        assertThat(done.taskState()).isEqualTo(TaskState.NONE);
        assertThat(done.powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(done.expectedTaskStates()).containsExactly(TaskState.POWERING_OFF);
        assertThat(done.events())
                .extracting(ActionEvent::event, ActionEvent::result)
                .containsExactly(tuple(ActionEvent.STOP, ActionEvent.SUCCESS));
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.SHUTDOWN);
    }

    @Test
    void startEndsActiveAndRunningFromPoweringOn() {
        power.stop(context, new StopInstance("h1", "i1"));
        updates.clear();

        power.start(context, new StartInstance("h1", "i1"));

        InstanceUpdate done = single();
        assertThat(done.vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(done.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(done.expectedTaskStates()).containsExactly(TaskState.POWERING_ON);
        assertThat(done.events().get(0).event()).isEqualTo(ActionEvent.START);
    }

    @Test
    void softRebootGoesThroughPendingAndStarted() {
        power.reboot(context, new RebootInstance("h1", "i1", RebootInstance.SOFT));

        assertThat(updates)
                .extracting(InstanceUpdate::taskState)
                .containsExactly(TaskState.REBOOT_PENDING, TaskState.REBOOT_STARTED, TaskState.NONE);
        assertThat(updates.get(0).expectedTaskStates()).containsExactlyElementsOf(TaskState.SOFT_REBOOT_STATES);
        assertThat(updates.get(0).vmState()).as("the vm state is left as it is").isNull();
        assertThat(updates.get(1).expectedTaskStates()).containsExactly(TaskState.REBOOT_PENDING);
        assertThat(updates.get(2).expectedTaskStates()).containsExactly(TaskState.REBOOT_STARTED);
        assertThat(updates.get(2).vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(updates.get(2).events().get(0).event()).isEqualTo(ActionEvent.REBOOT);
    }

    @Test
    void hardRebootUsesTheHardTaskStatesAndStartsAStoppedInstance() {
        power.stop(context, new StopInstance("h1", "i1"));
        updates.clear();

        power.reboot(context, new RebootInstance("h1", "i1", RebootInstance.HARD));

        assertThat(updates)
                .extracting(InstanceUpdate::taskState)
                .containsExactly(TaskState.REBOOT_PENDING_HARD, TaskState.REBOOT_STARTED_HARD, TaskState.NONE);
        assertThat(updates.get(2).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(updates.get(2).vmState()).isEqualTo(VmState.ACTIVE);
    }

    @Test
    void aStopOfAnInstanceTheHostLostRevertsTheTaskAndRecordsTheError() {
        power.stop(context, new StopInstance("h1", "lost"));

        InstanceUpdate reverted = single();
        assertThat(reverted.vmState()).isNull();
        assertThat(reverted.taskState()).isEqualTo(TaskState.NONE);
        assertThat(reverted.expectedTaskStates()).containsExactly(TaskState.POWERING_OFF);
        assertThat(reverted.events().get(0).result()).isEqualTo(ActionEvent.ERROR);
        assertThat(reverted.events().get(0).details()).contains("could not be found");
    }

    @Test
    void aRebootThatLostToADeleteStopsQuietly() {
        doThrow(new UnexpectedTaskStateException("the actual state is deleting"))
                .when(conductor)
                .instanceUpdate(any(), any());

        power.reboot(context, new RebootInstance("h1", "i1", RebootInstance.SOFT));

        assertThat(driver.powerState("h1", "i1"))
                .as("the guest was not touched")
                .isEqualTo(PowerState.RUNNING);
    }

    private InstanceUpdate single() {
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }
}
