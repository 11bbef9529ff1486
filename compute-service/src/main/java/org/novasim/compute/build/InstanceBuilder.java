package org.novasim.compute.build;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcObservations;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.resource.ResourceTracker;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds an instance on one host, step by step as Nova's _build_and_run_instance does, reporting each state
 * change to the conductor: claim, then the {@link BuildStage}s networking, block device mapping, spawning, active.
 *
 * <p>The claim happens when the message arrives, so a host that cannot take the instance answers with a
 * reschedule at once; the rest runs on a worker within the host's build slots. Every update names the task state
 * it expects, so a delete that came in meanwhile stops the build at its next step, and the build cleans up what
 * it holds (claim, ports, VM). A failed build cleans up too and asks the conductor to reschedule.
 */
public final class InstanceBuilder {

    private static final Logger log = LoggerFactory.getLogger(InstanceBuilder.class);

    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final NetworkClient network;
    private final Executor workers;
    private final Clock clock;
    private final RpcObservations observations;

    public InstanceBuilder(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            NetworkClient network,
            Executor workers,
            RpcObservations observations,
            Clock clock) {
        this.hosts = hosts;
        this.driver = driver;
        this.conductor = conductor;
        this.network = network;
        this.workers = workers;
        this.observations = observations;
        this.clock = clock;
    }

    /** Handles build_and_run_instance: claims now, builds in the background, returns at once. */
    public void build(RpcContext context, BuildInstance request) {
        Instant started = clock.instant();
        SimulatedHost host = hosts.get(request.host());
        if (host == null) {
            conductor.rescheduleInstance(
                    context,
                    request,
                    request.host(),
                    "Compute host " + request.host() + " could not be found.",
                    true,
                    List.of());
            return;
        }
        ResourceTracker.Claim claim = host.tracker()
                .claimNew(request.instance().uuid(), request.instance().flavor());
        if (claim.repeated()) {
            log.info(
                    "instance {} is on {} already: a repeated build request, ignored",
                    request.instance().uuid(),
                    host.name());
            return;
        }
        // Claimed or refused, the host's next reports account for it: schedulers may drop their own claim.
        host.settled(request.instance().uuid(), started);
        if (!claim.granted()) {
            log.info("instance {} does not fit on {}: {}", request.instance().uuid(), host.name(), claim.refusal());
            conductor.rescheduleAfterClaimRefused(
                    context,
                    request,
                    host.name(),
                    claim.refusal(),
                    List.of(ActionEvent.error(
                            ActionEvent.CLAIM, started, clock.instant(), host.name(), claim.refusal())));
            return;
        }
        Build build = Build.claimed(context, request, host, observations.handoff(), started, clock.instant());
        host.builds().submit(build.trace().wrap(() -> withRequestId(build, () -> start(build))));
    }

    private void start(Build claimed) {
        Build build = claimed.restartStage(clock.instant());
        try {
            // The host takes the instance over (its host set, no task), then starts on its network.
            send(
                    build,
                    InstanceUpdate.task(
                                    build.uuid(), build.host().name(), List.of(TaskState.SCHEDULING), TaskState.NONE)
                            .withVmState(VmState.BUILDING)
                            .withPowerState(PowerState.NOSTATE)
                            .withEvents(build.unreported()));
            build = build.reported();
            send(build, build.update(TaskState.NONE));
            NetworkInfo networkInfo = network.allocateForInstance(
                    build.context(),
                    build.uuid(),
                    build.request().instance().projectId(),
                    build.host().name(),
                    build.request().networks());
            build = build.withNetworkAllocated().next(clock.instant());
            send(build, build.update(TaskState.NETWORKING).withNetworkInfo(networkInfo));
            build = build.reported().next(clock.instant());
            send(build, build.update(TaskState.BLOCK_DEVICE_MAPPING));
            Build spawning = build.reported();
            driver.spawn(spawning.host().name(), spawning.request().instance())
                    .whenComplete((ok, failure) -> workers.execute(spawning.trace()
                            .wrap(() -> withRequestId(spawning, () -> finish(spawning, failure)))));
        } catch (RuntimeException e) {
            try {
                failed(build, e);
            } finally {
                build.host().builds().release();
            }
        }
    }

    private void finish(Build spawning, Throwable spawnFailure) {
        Build build = spawning;
        try {
            if (spawnFailure != null) {
                failed(build, spawnFailure instanceof CompletionException c ? c.getCause() : spawnFailure);
                return;
            }
            build = build.next(clock.instant());
            send(build, build.update(TaskState.SPAWNING).withLaunchedAt(clock.instant()));
            build.host().buildSucceeded();
            log.info("instance {} is active on {}", build.uuid(), build.host().name());
        } catch (RuntimeException e) {
            failed(build, e);
        } finally {
            build.host().builds().release();
        }
    }

    private void send(Build build, InstanceUpdate update) {
        conductor.instanceUpdate(build.context(), update);
    }

    /** Cleans up what the build holds; unless someone else acted on the instance first, asks to try elsewhere. */
    private void failed(Build build, Throwable failure) {
        cleanUp(build);
        RemoteError remote = failure instanceof RemoteError e ? e : null;
        if (remote != null && remote.overtaken()) {
            log.info("build of {} on {} stopped: {}", build.uuid(), build.host().name(), failure.getMessage());
            return;
        }
        log.warn(
                "build of {} on {} failed in {}: {}",
                build.uuid(),
                build.host().name(),
                build.stage(),
                failure.toString());
        build.host().buildFailed();
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        // A failure another host cannot fix (a wrong or exhausted network) says so itself.
        boolean retryable = remote == null || remote.retryable();
        try {
            conductor.rescheduleInstance(
                    build.context(),
                    build.request(),
                    build.host().name(),
                    reason,
                    retryable,
                    build.failureEvents(reason, clock.instant()));
        } catch (RuntimeException e) {
            log.error("could not ask the conductor to reschedule {}: {}", build.uuid(), e.toString());
        }
    }

    private void cleanUp(Build build) {
        driver.destroy(build.host().name(), build.uuid());
        if (build.networkAllocated()) {
            try {
                network.deallocateForInstance(build.context(), build.uuid());
            } catch (RuntimeException e) {
                log.error("could not release the ports of {}: {}", build.uuid(), e.toString());
            }
        }
        build.host().tracker().free(build.uuid());
        build.host().markChanged();
    }

    private static void withRequestId(Build build, Runnable work) {
        MDC.put("request_id", build.context().requestId());
        try {
            work.run();
        } finally {
            MDC.remove("request_id");
        }
    }
}
