package org.novasim.compute.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.GetConsoleOutput;
import org.novasim.common.compute.InstanceOnHost;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.compute.RebuildInstance;
import org.novasim.common.compute.RescueInstance;
import org.novasim.common.compute.SnapshotInstance;
import org.novasim.common.compute.StartInstance;
import org.novasim.common.compute.StopInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.ImageUploaded;
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

/**
 * The state transitions a host reports for the actions on a guest it keeps (stop, start, reboot, pause, suspend,
 * rescue, snapshot, rebuild, console), with the task states each step expects and how failures end.
 */
class GuestActionsTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ConductorClient conductor = mock(ConductorClient.class);
    private final List<InstanceUpdate> updates = new ArrayList<>();
    private final RpcContext context = RpcContext.system();
    private FakeDriver driver;
    private GuestActions power;

    @BeforeEach
    void setUp() throws Exception {
        driver = new FakeDriver(
                new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null, null),
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        power = new GuestActions(driver, conductor, Runnable::run, Clock.systemUTC());
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

    @Test
    void pauseAndSuspendEndInTheirOwnStatesAndComeBackRunning() {
        power.pause(context, new InstanceOnHost("h1", "i1"));
        InstanceUpdate paused = single();
        assertThat(paused.expectedTaskStates()).containsExactly(TaskState.PAUSING);
        assertThat(paused.vmState()).isEqualTo(VmState.PAUSED);
        assertThat(paused.powerState()).isEqualTo(PowerState.PAUSED);
        assertThat(paused.events().get(0).event()).isEqualTo(ActionEvent.PAUSE);
        updates.clear();

        power.unpause(context, new InstanceOnHost("h1", "i1"));
        assertThat(single().vmState()).isEqualTo(VmState.ACTIVE);
        updates.clear();

        power.suspend(context, new InstanceOnHost("h1", "i1"));
        assertThat(single().powerState()).isEqualTo(PowerState.SUSPENDED);
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.SUSPENDED);
    }

    @Test
    void aSnapshotReportsItsUploadStepsThenMakesTheImageActive() {
        power.snapshot(context, new SnapshotInstance("h1", "i1", "img-1"));

        assertThat(updates)
                .extracting(InstanceUpdate::taskState)
                .containsExactly(TaskState.IMAGE_PENDING_UPLOAD, TaskState.IMAGE_UPLOADING, TaskState.NONE);
        assertThat(updates.get(2).vmState()).as("the vm state is left as it is").isNull();
        verify(conductor).imageUploaded(any(), eq(new ImageUploaded("img-1", "i1", ImageUpload.SIZE_BYTES, true)));
    }

    @Test
    void aFailedPauseGivesTheTaskUpAndAFailedRescueBreaksTheInstance() throws Exception {
        FakeDriver failing = new FakeDriver(
                new FakeDriverProperties(
                        Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null, Set.of("pause", "rescue", "snapshot")),
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
        failing.adopt("h1", "i1", PowerState.RUNNING);
        GuestActions actions = new GuestActions(failing, conductor, Runnable::run, Clock.systemUTC());

        actions.pause(context, new InstanceOnHost("h1", "i1"));
        InstanceUpdate reverted = single();
        assertThat(reverted.taskState()).isEqualTo(TaskState.NONE);
        assertThat(reverted.vmState()).isNull();
        assertThat(reverted.fault()).isNull();
        assertThat(reverted.events().get(0).result()).isEqualTo(ActionEvent.ERROR);
        updates.clear();

        actions.rescue(context, new RescueInstance("h1", "i1", null));
        InstanceUpdate broken = single();
        assertThat(broken.vmState()).isEqualTo(VmState.ERROR);
        assertThat(broken.fault()).contains("rescue");
        updates.clear();

        actions.snapshot(context, new SnapshotInstance("h1", "i1", "img-2"));
        verify(conductor).imageUploaded(any(), eq(new ImageUploaded("img-2", "i1", ImageUpload.SIZE_BYTES, false)));
    }

    @Test
    void aRebuildOfAStoppedInstanceLeavesItStopped() {
        power.stop(context, new StopInstance("h1", "i1"));
        updates.clear();

        power.rebuild(
                context,
                new RebuildInstance(
                        "h1",
                        new InstanceInfo(
                                "i1",
                                "vm",
                                "p",
                                "u",
                                new FlavorSpec("1", "t", 1, 512, 1, 0, 0, Map.of()),
                                new ImageSpec("img", "cirros", Map.of()),
                                null)));

        assertThat(updates)
                .extracting(InstanceUpdate::taskState)
                .containsExactly(TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING, TaskState.NONE);
        assertThat(updates.get(2).vmState()).isEqualTo(VmState.STOPPED);
        assertThat(driver.powerState("h1", "i1")).isEqualTo(PowerState.SHUTDOWN);
    }

    @Test
    void theConsoleLogIsCutToItsLastLines() {
        assertThat(power.consoleOutput(new GetConsoleOutput("h1", "i1", 1)).output())
                .isEqualTo("LAST LINE");
        assertThat(power.consoleOutput(new GetConsoleOutput("h1", "i1", null)).output())
                .startsWith("FAKE CONSOLE OUTPUT\n");
        assertThat(power.consoleOutput(new GetConsoleOutput("h1", "i1", 0)).output())
                .isEmpty();
    }

    private InstanceUpdate single() {
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }
}
