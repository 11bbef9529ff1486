package org.novasim.compute.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.HostedInstance;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcTimeoutException;
import org.novasim.common.rpc.UndeliverableException;
import org.novasim.common.rpc.UnsupportedVersionException;
import org.novasim.compute.FakeDriverProperties;
import org.novasim.compute.host.HostGroup;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.resource.ResourceTracker;
import org.novasim.compute.virt.FakeDriver;
import org.novasim.testsupport.MutableClock;

/** What a restarted compute process takes back, and when it stops waiting for the conductor. */
class HostRecoveryTest {

    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedHosts hosts =
            new SimulatedHosts(List.of(HostGroup.defaults()), 10, Runnable::run, "127.0.0.1", Duration.ofSeconds(5));
    private final FakeDriver driver = new FakeDriver(
            new FakeDriverProperties(Duration.ZERO, null, 0.0, Duration.ZERO, Map.of(), null, null),
            timers,
            RandomGeneratorFactory.of("L64X128MixRandom").create(7));

    /** A conductor that answers from a script: each ask takes the next answer (an exception is thrown). */
    static final class ScriptedConductor extends ConductorClient {
        final List<Object> answers;
        final List<InstanceUpdate> updates = new ArrayList<>();
        int asks;

        ScriptedConductor(Object... answers) {
            super(null);
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<HostedInstance> instancesOnHosts(RpcContext context, List<String> hosts) {
            Object answer = answers.get(Math.min(asks++, answers.size() - 1));
            if (answer instanceof RemoteError error) {
                throw error;
            }
            return (List<HostedInstance>) answer;
        }

        @Override
        public void instanceUpdate(RpcContext context, InstanceUpdate update) {
            updates.add(update);
        }
    }

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    private HostRecovery recovery(ScriptedConductor conductor) {
        return new HostRecovery(hosts, driver, conductor, null, Clock.systemUTC());
    }

    @Test
    void takesBackClaimsAndVmsAndPutsLostBuildsInErrorOnceTheConductorAnswers() {
        ScriptedConductor conductor = new ScriptedConductor(
                new RpcTimeoutException("no conductor yet"),
                List.of(
                        new HostedInstance("running", "compute-1", SMALL, VmState.ACTIVE, null, PowerState.RUNNING),
                        new HostedInstance("stopped", "compute-1", SMALL, VmState.STOPPED, null, PowerState.SHUTDOWN),
                        new HostedInstance(
                                "building",
                                "compute-2",
                                SMALL,
                                VmState.BUILDING,
                                TaskState.SPAWNING,
                                PowerState.NOSTATE),
                        new HostedInstance(
                                "elsewhere", "compute-99", SMALL, VmState.ACTIVE, null, PowerState.RUNNING)));
        HostRecovery recovery = recovery(conductor);
        assertThat(recovery.isDone())
                .as("the hosts hold their reports until then")
                .isFalse();
        AtomicInteger reports = new AtomicInteger();

        recovery.recover(Duration.ofSeconds(10), reports::incrementAndGet);

        assertThat(recovery.isDone()).isTrue();
        assertThat(reports)
                .as("every host reported at once, not at the next interval")
                .hasValue(1);
        assertThat(recovery.isReported()).isTrue();
        assertThat(conductor.asks).as("asked again after the timeout").isEqualTo(2);
        assertThat(hosts.get("compute-1").tracker().used()).isEqualTo(new ResourceTracker.Usage(2, 4096, 40));
        assertThat(driver.powerState("compute-1", "running")).isEqualTo(PowerState.RUNNING);
        assertThat(driver.powerState("compute-1", "stopped")).isEqualTo(PowerState.SHUTDOWN);
        assertThat(hosts.get("compute-2").tracker().holds("building")).isTrue();
        assertThat(driver.instanceCount("compute-2"))
                .as("a build that died left no VM")
                .isZero();
        assertThat(conductor.updates).singleElement().satisfies(update -> {
            assertThat(update.instanceUuid()).isEqualTo("building");
            assertThat(update.vmState()).isEqualTo(VmState.ERROR);
            assertThat(update.taskState()).isEqualTo(TaskState.NONE);
            assertThat(update.expectedTaskStates()).containsExactly(TaskState.SPAWNING);
        });
    }

    @Test
    void noConductorQueueMeansNothingToRecover() {
        ScriptedConductor conductor = new ScriptedConductor(new UndeliverableException("no queue conductor"));

        HostRecovery recovery = recovery(conductor);
        recovery.recover(Duration.ofSeconds(10));

        assertThat(recovery.isDone()).isTrue();
        assertThat(conductor.asks).isEqualTo(1);
    }

    @Test
    void anOlderConductorOrOneThatNeverAnswersLetsTheHostsReportAnyway() {
        ScriptedConductor old = new ScriptedConductor(new UnsupportedVersionException("does not support 1.2"));
        HostRecovery afterOld = recovery(old);
        afterOld.recover(Duration.ofSeconds(10));
        assertThat(afterOld.isDone()).isTrue();
        assertThat(old.asks).as("waiting would not help").isEqualTo(1);

        ScriptedConductor silent = new ScriptedConductor(new RpcTimeoutException("no reply"));
        // Time moves only as the recovery waits, so how many tries fit is the schedule's, not the machine's load.
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HostRecovery afterSilence = new HostRecovery(
                hosts,
                driver,
                silent,
                null,
                clock,
                wait -> clock.set(clock.instant().plus(wait)));
        afterSilence.recover(Duration.ofMillis(700));
        assertThat(afterSilence.isDone()).isTrue();
        assertThat(silent.asks)
                .as("200 ms, then 400 ms: the next wait would pass the timeout")
                .isEqualTo(3);
        assertThat(hosts.get("compute-1").tracker().instances()).isZero();
    }
}
