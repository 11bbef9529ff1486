package org.novasim.compute.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
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
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.MigrationInfo;
import org.novasim.common.compute.MoveInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcMethod;
import org.novasim.compute.FakeDriverProperties;
import org.novasim.compute.host.HostGroup;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.FakeDriver;

/**
 * A resize between two hosts of one process, each step handed over to the next as the hosts would over RPC: the
 * task states and migration statuses in Nova's order, the claims on both hosts at every step, confirm and revert,
 * and how a destination without room or a failing hypervisor ends the move.
 */
class InstanceMoverTest {

    static final FlavorSpec TINY = new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of());
    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());
    static final InstanceInfo INSTANCE =
            new InstanceInfo("i1", "vm", "p", "u", TINY, new ImageSpec("img", "cirros", Map.of()), null);
    static final MigrationInfo MIGRATION =
            new MigrationInfo(7, MigrationInfo.RESIZE, "compute-1", "compute-2", TINY, SMALL);

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ConductorClient conductor = mock(ConductorClient.class);
    private final ComputeClient compute = mock(ComputeClient.class);
    private final List<InstanceUpdate> updates = new ArrayList<>();
    private final List<String> handovers = new ArrayList<>();
    private final SimulatedHosts hosts =
            new SimulatedHosts(List.of(HostGroup.defaults()), 10, Runnable::run, "127.0.0.1", Duration.ofSeconds(5));
    private FakeDriver driver;
    private InstanceMover mover;

    @BeforeEach
    void setUp() throws Exception {
        driver = driver(null);
        mover = new InstanceMover(hosts, driver, conductor, compute, Runnable::run, Clock.systemUTC());
        doAnswer(call -> updates.add(call.getArgument(1))).when(conductor).instanceUpdate(any(), any());
        // The other host gets the next step at once, as its compute process would.
        doAnswer(call -> {
                    RpcMethod<?, ?> method = call.getArgument(1);
                    MoveInstance move = call.getArgument(2);
                    handovers.add(method.name() + "@" + move.host());
                    dispatch(method, move);
                    return null;
                })
                .when(compute)
                .move(any(), any(), any());
        hosts.get("compute-1").tracker().claim("i1", TINY);
        driver.spawn("compute-1", INSTANCE).get();
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    @Test
    void aResizeClaimsTheDestinationAndEndsResizedThereWithTheNewFlavor() {
        mover.prepResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, MIGRATION, true));

        assertThat(handovers).containsExactly("resize_instance@compute-1", "finish_resize@compute-2");
        assertThat(updates)
                .extracting(InstanceUpdate::taskState)
                .containsExactly(
                        TaskState.RESIZE_PREP,
                        TaskState.RESIZE_MIGRATING,
                        TaskState.RESIZE_MIGRATED,
                        TaskState.RESIZE_FINISH,
                        TaskState.NONE);
        assertThat(updates)
                .extracting(InstanceUpdate::migrationStatus)
                .containsExactly(null, "migrating", "post-migrating", null, "finished");
        InstanceUpdate finishing = updates.get(3);
        assertThat(finishing.host()).isEqualTo("compute-2");
        assertThat(finishing.flavor()).isEqualTo(SMALL);
        InstanceUpdate done = updates.get(4);
        assertThat(done.vmState()).isEqualTo(VmState.RESIZED);
        assertThat(done.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(updates.stream().flatMap(u -> u.events().stream()).map(ActionEvent::event))
                .containsExactly(ActionEvent.PREP_RESIZE, ActionEvent.RESIZE_INSTANCE, ActionEvent.FINISH_RESIZE);
        assertThat(memoryUsed("compute-1"))
                .as("the source keeps its claim until confirmed")
                .isEqualTo(512);
        assertThat(memoryUsed("compute-2")).isEqualTo(2048);
        assertThat(driver.powerState("compute-1", "i1")).isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.powerState("compute-2", "i1")).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void confirmFreesTheSourceAndRevertFreesTheDestination() {
        mover.prepResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, MIGRATION, true));
        updates.clear();

        mover.confirmResize(RpcContext.system(), new MoveInstance("compute-1", INSTANCE, MIGRATION, true));

        assertThat(memoryUsed("compute-1")).isZero();
        assertThat(driver.powerState("compute-1", "i1")).isEqualTo(PowerState.NOSTATE);
        assertThat(updates.get(0).vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(updates.get(0).migrationStatus()).isEqualTo("confirmed");
    }

    @Test
    void aRevertGivesTheInstanceBackToTheSourceWithItsOldFlavor() {
        mover.prepResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, MIGRATION, false));
        updates.clear();
        handovers.clear();

        mover.revertResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, MIGRATION, false));

        assertThat(handovers).containsExactly("finish_revert_resize@compute-1");
        assertThat(memoryUsed("compute-2")).isZero();
        assertThat(memoryUsed("compute-1")).isEqualTo(512);
        InstanceUpdate back = updates.get(1);
        assertThat(back.expectedTaskStates()).containsExactly(TaskState.RESIZE_REVERTING);
        assertThat(back.host()).isEqualTo("compute-1");
        assertThat(back.flavor()).isEqualTo(TINY);
        assertThat(back.vmState()).as("a stopped instance stays stopped").isEqualTo(VmState.STOPPED);
    }

    @Test
    void aDestinationWithoutRoomGivesTheTaskUpWithAFault() {
        FlavorSpec huge = new FlavorSpec("9", "huge", 1, 10_000_000, 1, 0, 0, Map.of());
        MigrationInfo tooBig = new MigrationInfo(8, MigrationInfo.RESIZE, "compute-1", "compute-2", TINY, huge);

        mover.prepResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, tooBig, true));

        assertThat(handovers).isEmpty();
        InstanceUpdate refused = updates.get(0);
        assertThat(refused.taskState()).isEqualTo(TaskState.NONE);
        assertThat(refused.vmState()).as("the instance stays as it was").isNull();
        assertThat(refused.migrationStatus()).isEqualTo("error");
        assertThat(refused.fault()).startsWith("Insufficient compute resources");
        assertThat(memoryUsed("compute-2")).isZero();
    }

    @Test
    void aFailingFinishPutsTheInstanceInErrorAndTheMigrationInError() throws Exception {
        driver = driver("finish_migration");
        mover = new InstanceMover(hosts, driver, conductor, compute, Runnable::run, Clock.systemUTC());
        driver.adopt("compute-1", "i1", PowerState.RUNNING);

        mover.prepResize(RpcContext.system(), new MoveInstance("compute-2", INSTANCE, MIGRATION, true));

        InstanceUpdate failed = updates.get(updates.size() - 1);
        assertThat(failed.expectedTaskStates()).containsExactly(TaskState.RESIZE_FINISH);
        assertThat(failed.vmState()).isEqualTo(VmState.ERROR);
        assertThat(failed.migrationStatus()).isEqualTo("error");
        assertThat(failed.fault()).contains("finish_migration");
        assertThat(failed.events().get(0).result()).isEqualTo(ActionEvent.ERROR);
    }

    @Test
    void theStepsHandOverInNovasOrder() {
        assertThat(MoveStep.PREP.next()).isEqualTo(MoveStep.RESIZE);
        assertThat(MoveStep.RESIZE.next()).isEqualTo(MoveStep.FINISH);
        assertThat(MoveStep.FINISH.next()).isNull();
        assertThat(MoveStep.REVERT.next()).isEqualTo(MoveStep.FINISH_REVERT);
        assertThat(MoveStep.CONFIRM.next()).isNull();
        assertThat(MoveStep.CONFIRM.hostOf(MIGRATION)).isEqualTo("compute-1");
        assertThat(MoveStep.REVERT.hostOf(MIGRATION)).isEqualTo("compute-2");
    }

    private void dispatch(RpcMethod<?, ?> method, MoveInstance move) {
        RpcContext context = RpcContext.system();
        if (method == ComputeApi.RESIZE_INSTANCE) {
            mover.resizeInstance(context, move);
        } else if (method == ComputeApi.FINISH_RESIZE) {
            mover.finishResize(context, move);
        } else if (method == ComputeApi.FINISH_REVERT_RESIZE) {
            mover.finishRevertResize(context, move);
        } else if (method == ComputeApi.REVERT_RESIZE) {
            mover.revertResize(context, move);
        }
    }

    private int memoryUsed(String host) {
        return hosts.get(host).tracker().used().memoryMb();
    }

    private FakeDriver driver(String failing) {
        return new FakeDriver(
                new FakeDriverProperties(
                        Duration.ZERO,
                        null,
                        0.0,
                        Duration.ZERO,
                        Map.of(),
                        null,
                        failing == null ? null : java.util.Set.of(failing)),
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
    }
}
