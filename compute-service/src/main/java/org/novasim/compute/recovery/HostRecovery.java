package org.novasim.compute.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.novasim.common.compute.TerminateInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.HostedInstance;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.novasim.common.rpc.UnsupportedVersionException;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process's hosts held before it restarted (Nova's init_host): the instances the database places on
 * them get their claims back, and their VMs in the power state last recorded; deletes that were under way are
 * finished. Until that is done the hosts send no report (Nova's compute joins the service group only after
 * init_host), so no scheduler sees them emptier than they are and places instances on room that is taken.
 *
 * <p>Builds that were running when the process died died with it: their instances go to ERROR at once, keeping
 * their claims and ports until they are deleted, as Nova's init_host does with instances still building.
 */
public final class HostRecovery {

    private static final Logger log = LoggerFactory.getLogger(HostRecovery.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final InstanceTerminator terminator;
    private final Clock clock;
    private final Pause pause;
    private volatile boolean done;
    private volatile boolean reported;

    public HostRecovery(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            InstanceTerminator terminator,
            Clock clock) {
        this(hosts, driver, conductor, terminator, clock, wait -> Thread.sleep(wait.toMillis()));
    }

    /** How the recovery waits between tries: asleep, or (in tests) by moving a clock. */
    interface Pause {
        void pause(Duration wait) throws InterruptedException;
    }

    HostRecovery(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            InstanceTerminator terminator,
            Clock clock,
            Pause pause) {
        this.hosts = hosts;
        this.driver = driver;
        this.conductor = conductor;
        this.terminator = terminator;
        this.clock = clock;
        this.pause = pause;
    }

    /** Whether the hosts may report: recovery is done, or was given up. */
    public boolean isDone() {
        return done;
    }

    /** Whether the hosts have reported since: schedulers know them as they are, the process is ready. */
    public boolean isReported() {
        return reported;
    }

    /**
     * Asks the conductor until it answers, waiting longer between tries up to {@link #LONGEST_RETRY}; gives up after
     * {@code timeout} (the hosts then report what they hold, which may be less than the database says). Then runs
     * {@code report}, which sends every host's report at once rather than at the next interval.
     */
    public void recover(Duration timeout, Runnable report) {
        try {
            recover(timeout);
        } finally {
            report.run();
            reported = true;
        }
    }

    void recover(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration wait = FIRST_RETRY;
        try {
            while (!tryOnce()) {
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    log.error(
                            "no conductor answered within {}: the hosts report without their earlier instances",
                            timeout);
                    return;
                }
                pause.pause(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    private boolean tryOnce() {
        List<HostedInstance> instances;
        try {
            instances = conductor.instancesOnHosts(RpcContext.system(), hosts.names());
        } catch (UndeliverableException e) {
            // No conductor queue on this broker: no API ever ran here, so no instance can be on these hosts.
            log.info("no conductor has run on this broker yet: nothing to recover");
            return true;
        } catch (UnsupportedVersionException e) {
            // A conductor older than this compute (upgrade the API first, as Nova's conductor goes first): waiting
            // would not help, so the hosts report what they hold.
            log.error("the conductor cannot say what runs on this process's hosts: {}", e.getMessage());
            return true;
        } catch (RemoteError e) {
            log.warn("waiting for the conductor to say what runs on this process's hosts: {}", e.getMessage());
            return false;
        }
        int restored = 0;
        for (HostedInstance instance : instances) {
            SimulatedHost host = hosts.get(instance.host());
            if (host != null) {
                restore(host, instance);
                restored++;
            }
        }
        log.info("recovered {} instance(s) on {} host(s)", restored, hosts.size());
        return true;
    }

    private void lostBuild(SimulatedHost host, HostedInstance instance) {
        try {
            conductor.instanceUpdate(
                    RpcContext.system(),
                    InstanceUpdate.task(instance.uuid(), host.name(), List.of(instance.taskState()), TaskState.NONE)
                            .withVmState(VmState.ERROR));
            log.warn("instance {} was building on {} when this process stopped: ERROR", instance.uuid(), host.name());
        } catch (RemoteError e) {
            // Deleted or moved on meanwhile: nothing to mark.
            log.info("instance {} on {} not marked as a lost build: {}", instance.uuid(), host.name(), e.getMessage());
        }
    }

    private void restore(SimulatedHost host, HostedInstance instance) {
        host.tracker().restore(instance.uuid(), instance.flavor());
        if (instance.powerState() != null && instance.powerState() != PowerState.NOSTATE) {
            driver.adopt(host.name(), instance.uuid(), instance.powerState());
        }
        host.markChanged();
        if (instance.taskState() == TaskState.DELETING) {
            try {
                terminator.terminate(RpcContext.system(), new TerminateInstance(host.name(), instance.uuid()));
            } catch (RemoteError e) {
                // The claim stays; the next delete request for the instance finishes it.
                log.warn("could not finish deleting {} on {}: {}", instance.uuid(), host.name(), e.getMessage());
            }
        } else if (instance.vmState() == VmState.BUILDING) {
            lostBuild(host, instance);
        }
    }
}
