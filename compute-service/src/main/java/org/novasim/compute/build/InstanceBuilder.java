package org.novasim.compute.build;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceNotFoundException;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.FixedIpInUseException;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.NetworkAmbiguousException;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.PortInUseException;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcObservations;
import org.novasim.common.rpc.TraceHandoff;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds an instance on one host, step by step as Nova's _build_and_run_instance does, reporting each state
 * change to the conductor: claim, networking, block device mapping, spawning, active.
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
    private final RpcObservations observations;
    private final Clock clock;

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

    /** One build in progress: what it was asked, where, and what it holds so far. */
    private final class Build {
        final RpcContext context;
        final BuildInstance request;
        final SimulatedHost host;
        final Instant started;
        /** The build_and_run_instance message's trace, for the work done later on workers. */
        final TraceHandoff trace;

        final List<ActionEvent> finished = new ArrayList<>();
        boolean networkAllocated;
        String stage = ActionEvent.CLAIM;
        Instant stageStarted;

        Build(RpcContext context, BuildInstance request, SimulatedHost host, Instant started, TraceHandoff trace) {
            this.context = context;
            this.trace = trace;
            this.request = request;
            this.host = host;
            this.started = started;
            this.stageStarted = started;
        }

        String uuid() {
            return request.instance().uuid();
        }

        void finishStage(String nextStage) {
            finished.add(ActionEvent.success(stage, stageStarted, host.name()));
            stage = nextStage;
            stageStarted = clock.instant();
        }

        List<ActionEvent> takeEvents() {
            List<ActionEvent> events = List.copyOf(finished);
            finished.clear();
            return events;
        }
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
        Optional<String> refused = host.tracker()
                .claim(request.instance().uuid(), request.instance().flavor());
        // Claimed or refused, the host's next reports account for it: schedulers may drop their own claim.
        host.settled(request.instance().uuid(), started);
        if (refused.isPresent()) {
            log.info("instance {} does not fit on {}: {}", request.instance().uuid(), host.name(), refused.get());
            conductor.rescheduleAfterClaimRefused(
                    context,
                    request,
                    host.name(),
                    refused.get(),
                    List.of(ActionEvent.error(ActionEvent.CLAIM, started, host.name(), refused.get())));
            return;
        }
        Build build = new Build(context, request, host, started, observations.handoff());
        build.finishStage(ActionEvent.ALLOCATE_NETWORK);
        host.builds().submit(build.trace.wrap(() -> withRequestId(build, () -> start(build))));
    }

    private void start(Build build) {
        try {
            // Time spent waiting for a build slot counts as nobody's stage.
            build.stageStarted = clock.instant();
            update(build, VmState.BUILDING, null, PowerState.NOSTATE, TaskState.SCHEDULING, null, null);
            update(build, VmState.BUILDING, TaskState.NETWORKING, PowerState.NOSTATE, null, null, null);
            NetworkInfo networkInfo = network.allocateForInstance(
                    build.context,
                    build.uuid(),
                    build.request.instance().projectId(),
                    build.host.name(),
                    build.request.networks());
            build.networkAllocated = true;
            build.finishStage(ActionEvent.BLOCK_DEVICE_MAPPING);
            update(
                    build,
                    VmState.BUILDING,
                    TaskState.BLOCK_DEVICE_MAPPING,
                    PowerState.NOSTATE,
                    TaskState.NETWORKING,
                    networkInfo,
                    null);
            build.finishStage(ActionEvent.SPAWN);
            update(
                    build,
                    VmState.BUILDING,
                    TaskState.SPAWNING,
                    PowerState.NOSTATE,
                    TaskState.BLOCK_DEVICE_MAPPING,
                    null,
                    null);
            driver.spawn(build.host.name(), build.request.instance())
                    .whenComplete((ok, failure) -> workers.execute(
                            build.trace.wrap(() -> withRequestId(build, () -> finish(build, failure)))));
        } catch (RuntimeException e) {
            try {
                failed(build, e);
            } finally {
                build.host.builds().release();
            }
        }
    }

    private void finish(Build build, Throwable spawnFailure) {
        try {
            if (spawnFailure != null) {
                failed(build, spawnFailure instanceof CompletionException c ? c.getCause() : spawnFailure);
                return;
            }
            build.finishStage(null);
            build.finished.add(ActionEvent.success(ActionEvent.BUILD, build.started, build.host.name()));
            update(build, VmState.ACTIVE, null, PowerState.RUNNING, TaskState.SPAWNING, null, clock.instant());
            build.host.buildSucceeded();
            log.info("instance {} is active on {}", build.uuid(), build.host.name());
        } catch (RuntimeException e) {
            failed(build, e);
        } finally {
            build.host.builds().release();
        }
    }

    private void update(
            Build build,
            VmState vmState,
            TaskState taskState,
            PowerState powerState,
            TaskState expected,
            NetworkInfo networkInfo,
            Instant launchedAt) {
        List<TaskState> expectedStates = new ArrayList<>(1);
        expectedStates.add(expected);
        conductor.instanceUpdate(
                build.context,
                new InstanceUpdate(
                        build.uuid(),
                        vmState,
                        taskState,
                        powerState,
                        expectedStates,
                        build.host.name(),
                        networkInfo,
                        launchedAt,
                        build.takeEvents()));
    }

    /** Cleans up what the build holds; unless it was deleted meanwhile, asks the conductor to try elsewhere. */
    private void failed(Build build, Throwable failure) {
        cleanUp(build);
        if (failure instanceof InstanceNotFoundException || failure instanceof UnexpectedTaskStateException) {
            log.info("build of {} on {} stopped: {}", build.uuid(), build.host.name(), failure.getMessage());
            return;
        }
        log.warn(
                "build of {} on {} failed in {}: {}", build.uuid(), build.host.name(), build.stage, failure.toString());
        build.host.buildFailed();
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        List<ActionEvent> events = new ArrayList<>(build.takeEvents());
        if (build.stage != null) {
            events.add(ActionEvent.error(build.stage, build.stageStarted, build.host.name(), reason));
        }
        events.add(ActionEvent.error(ActionEvent.BUILD, build.started, build.host.name(), reason));
        try {
            conductor.rescheduleInstance(
                    build.context, build.request, build.host.name(), reason, isRetryable(failure), events);
        } catch (RuntimeException e) {
            log.error("could not ask the conductor to reschedule {}: {}", build.uuid(), e.toString());
        }
    }

    /** Another host cannot fix a network request that is wrong or cannot be met (no address left, port taken). */
    private static boolean isRetryable(Throwable failure) {
        return !(failure instanceof IpAddressExhaustedException
                || failure instanceof NetworkNotFoundException
                || failure instanceof FixedIpInUseException
                || failure instanceof InvalidInputException
                || failure instanceof PortInUseException
                || failure instanceof PortNotFoundException
                || failure instanceof NetworkAmbiguousException
                || failure instanceof PolicyNotAuthorizedException);
    }

    private void cleanUp(Build build) {
        driver.destroy(build.host.name(), build.uuid());
        if (build.networkAllocated) {
            try {
                network.deallocateForInstance(build.context, build.uuid());
            } catch (RuntimeException e) {
                log.error("could not release the ports of {}: {}", build.uuid(), e.toString());
            }
        }
        build.host.tracker().free(build.uuid());
        build.host.markChanged();
    }

    private static void withRequestId(Build build, Runnable work) {
        MDC.put("request_id", build.context.requestId());
        try {
            work.run();
        } finally {
            MDC.remove("request_id");
        }
    }
}
