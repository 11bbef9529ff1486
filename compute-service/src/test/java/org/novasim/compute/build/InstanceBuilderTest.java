package org.novasim.compute.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.conductor.RescheduleInstance;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.network.Vif;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcObservations;
import org.novasim.common.rpc.RpcTimeoutException;
import org.novasim.compute.FakeDriverProperties;
import org.novasim.compute.host.HostGroup;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.FakeDriver;

/** The steps a build reports, in order, with the task state each expects, and how a failed build ends. */
class InstanceBuilderTest {

    private static final FlavorSpec SMALL = new FlavorSpec("1", "m1.small", 1, 512, 1, 0, 0, Map.of());
    private static final NetworkInfo NICS = new NetworkInfo(
            List.of(new Vif("port", "net", "private", "fa:16:3e:00:00:01", List.of(new FixedIp("10.0.0.5", 4, "s")))));

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedHosts hosts =
            new SimulatedHosts(List.of(HostGroup.defaults()), 10, Runnable::run, "127.0.0.1", Duration.ofSeconds(5));
    private final RecordingConductor conductor = new RecordingConductor();

    /** Records what the host tells the conductor; fails the update into {@code failAt} if set. */
    static final class RecordingConductor extends ConductorClient {
        final List<InstanceUpdate> updates = new ArrayList<>();
        final List<RescheduleInstance> reschedules = new ArrayList<>();
        TaskState failAt;
        RuntimeException failure;

        RecordingConductor() {
            super(null);
        }

        @Override
        public void instanceUpdate(RpcContext context, InstanceUpdate update) {
            if (update.taskState() == failAt && failure != null) {
                throw failure;
            }
            updates.add(update);
        }

        @Override
        public void rescheduleInstance(
                RpcContext context,
                BuildInstance build,
                String failedHost,
                String reason,
                boolean retryable,
                List<ActionEvent> events) {
            reschedules.add(new RescheduleInstance(build, failedHost, reason, retryable, events));
        }
    }

    /** A network service that hands out one port, or fails as told. */
    static final class StubNetwork extends NetworkClient {
        final RuntimeException failure;
        int released;

        StubNetwork(RuntimeException failure) {
            super(null);
            this.failure = failure;
        }

        @Override
        public NetworkInfo allocateForInstance(
                RpcContext context, String uuid, String projectId, String host, List<RequestedNetwork> networks) {
            if (failure != null) {
                throw failure;
            }
            return NICS;
        }

        @Override
        public int deallocateForInstance(RpcContext context, String uuid) {
            released++;
            return 1;
        }
    }

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    private FakeDriver driver(double failureRate) {
        return new FakeDriver(
                new FakeDriverProperties(Duration.ZERO, null, failureRate, Duration.ZERO, Map.of(), null, null),
                timers,
                RandomGeneratorFactory.of("L64X128MixRandom").create(3));
    }

    private void build(FakeDriver driver, NetworkClient network) {
        new InstanceBuilder(hosts, driver, conductor, network, Runnable::run, RpcObservations.none(), Clock.systemUTC())
                .build(
                        RpcContext.system(),
                        new BuildInstance(
                                "compute-1",
                                new InstanceInfo(
                                        "i1", "vm", "p", "u", SMALL, new ImageSpec("img", "c", Map.of()), null),
                                null,
                                List.of(),
                                List.of(),
                                1));
    }

    @Test
    void reportsEveryStageExpectingThePreviousOneAndEndsActive() {
        build(driver(0.0), new StubNetwork(null));

        assertThat(conductor.updates)
                .extracting(InstanceUpdate::taskState, InstanceUpdate::expectedTaskStates, InstanceUpdate::vmState)
                .containsExactly(
                        tuple(TaskState.NONE, List.of(TaskState.SCHEDULING), VmState.BUILDING),
                        tuple(TaskState.NETWORKING, List.of(TaskState.NONE), VmState.BUILDING),
                        tuple(TaskState.BLOCK_DEVICE_MAPPING, List.of(TaskState.NETWORKING), VmState.BUILDING),
                        tuple(TaskState.SPAWNING, List.of(TaskState.BLOCK_DEVICE_MAPPING), VmState.BUILDING),
                        tuple(TaskState.NONE, List.of(TaskState.SPAWNING), VmState.ACTIVE));
        assertThat(conductor.updates.get(2).networkInfo()).isEqualTo(NICS);
        InstanceUpdate active = conductor.updates.get(4);
        assertThat(active.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(active.launchedAt()).isNotNull();
        assertThat(conductor.updates.stream().flatMap(u -> u.events().stream()))
                .extracting(ActionEvent::event)
                .as("each stage recorded once, when it finished")
                .containsExactly(
                        ActionEvent.CLAIM,
                        ActionEvent.ALLOCATE_NETWORK,
                        ActionEvent.BLOCK_DEVICE_MAPPING,
                        ActionEvent.SPAWN,
                        ActionEvent.BUILD);
        assertThat(hosts.get("compute-1").builds().running()).isZero();
    }

    @Test
    void aFailedSpawnFreesEverythingAndAsksForAnotherHost() {
        StubNetwork network = new StubNetwork(null);
        build(driver(1.0), network);

        assertThat(conductor.reschedules).hasSize(1);
        RescheduleInstance reschedule = conductor.reschedules.get(0);
        assertThat(reschedule.retryable()).isTrue();
        assertThat(reschedule.events())
                .extracting(ActionEvent::event, ActionEvent::result)
                .containsExactly(
                        tuple(ActionEvent.SPAWN, ActionEvent.ERROR), tuple(ActionEvent.BUILD, ActionEvent.ERROR));
        assertThat(network.released).isEqualTo(1);
        assertThat(hosts.get("compute-1").tracker().instances()).isZero();
    }

    @Test
    void aFailureAnotherHostCannotFixSaysSo() {
        build(driver(0.0), new StubNetwork(IpAddressExhaustedException.onNetwork("net")));

        RescheduleInstance reschedule = conductor.reschedules.get(0);
        assertThat(reschedule.retryable()).isFalse();
        assertThat(reschedule.events()).extracting(ActionEvent::event).first().isEqualTo(ActionEvent.ALLOCATE_NETWORK);
    }

    @Test
    void aTimedOutConductorIsRetryableElsewhere() {
        conductor.failAt = TaskState.SPAWNING;
        conductor.failure = new RpcTimeoutException("no reply");

        build(driver(0.0), new StubNetwork(null));

        assertThat(conductor.reschedules).singleElement().satisfies(r -> {
            assertThat(r.retryable()).isTrue();
            assertThat(r.events()).extracting(ActionEvent::event).first().isEqualTo(ActionEvent.SPAWN);
        });
    }

    @Test
    void aBuildOvertakenByADeleteCleansUpAndStopsQuietly() {
        conductor.failAt = TaskState.BLOCK_DEVICE_MAPPING;
        conductor.failure = new UnexpectedTaskStateException("the actual state is deleting");
        StubNetwork network = new StubNetwork(null);

        build(driver(0.0), network);

        assertThat(conductor.reschedules).isEmpty();
        assertThat(network.released).isEqualTo(1);
        assertThat(hosts.get("compute-1").tracker().instances()).isZero();
    }

    @Test
    void aRepeatedBuildRequestLeavesTheFirstBuildAlone() {
        FakeDriver driver = driver(0.0);
        StubNetwork network = new StubNetwork(null);
        build(driver, network);
        int updates = conductor.updates.size();

        build(driver, network);

        assertThat(conductor.updates).as("nothing reported again").hasSize(updates);
        assertThat(conductor.reschedules).isEmpty();
        assertThat(network.released).isZero();
        assertThat(hosts.get("compute-1").tracker().holds("i1"))
                .as("the first build's claim stays")
                .isTrue();
        assertThat(driver.instanceCount("compute-1")).as("and so does its VM").isEqualTo(1);
    }
}
