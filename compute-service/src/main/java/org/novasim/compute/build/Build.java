package org.novasim.compute.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.TraceHandoff;
import org.novasim.compute.host.SimulatedHost;

/**
 * One build at one step: what it was asked, where, which stage it is in since when, what it holds, and the
 * finished stages not yet reported. Immutable: each step makes a new one, so the threads a build passes through
 * (the RPC consumer, a build worker, the hypervisor's timer) share nothing that changes.
 *
 * @param trace            the build_and_run_instance message's trace, for the work done later on workers
 * @param started          when the build request arrived (the build event's start)
 * @param stageStarted     when the current stage started
 * @param networkAllocated whether the instance has ports to release if the build fails
 * @param unreported       finished stages, to ride along with the next update
 */
record Build(
        RpcContext context,
        BuildInstance request,
        SimulatedHost host,
        TraceHandoff trace,
        Instant started,
        BuildStage stage,
        Instant stageStarted,
        boolean networkAllocated,
        List<ActionEvent> unreported) {

    Build {
        unreported = List.copyOf(unreported);
    }

    /** The host has claimed the instance: the claim is done, networking is next. */
    static Build claimed(
            RpcContext context,
            BuildInstance request,
            SimulatedHost host,
            TraceHandoff trace,
            Instant started,
            Instant now) {
        return new Build(
                context,
                request,
                host,
                trace,
                started,
                BuildStage.NETWORKING,
                now,
                false,
                List.of(ActionEvent.success(ActionEvent.CLAIM, started, now, host.name())));
    }

    String uuid() {
        return request.instance().uuid();
    }

    /** The current stage starts over (time spent waiting for a build slot counts as nobody's stage). */
    Build restartStage(Instant now) {
        return new Build(context, request, host, trace, started, stage, now, networkAllocated, unreported);
    }

    Build withNetworkAllocated() {
        return new Build(context, request, host, trace, started, stage, stageStarted, true, unreported);
    }

    /** The current stage succeeded: on to the next. Reaching {@link BuildStage#ACTIVE} finishes the build. */
    Build next(Instant now) {
        List<ActionEvent> events = new ArrayList<>(unreported);
        events.add(ActionEvent.success(stage.event(), stageStarted, now, host.name()));
        BuildStage next = stage.next();
        if (next == BuildStage.ACTIVE) {
            events.add(ActionEvent.success(ActionEvent.BUILD, started, now, host.name()));
        }
        return new Build(context, request, host, trace, started, next, now, networkAllocated, events);
    }

    /**
     * The update that moves the instance into the current stage from the task state {@code from}, with the
     * finished stages ({@link #reported} then clears them).
     */
    InstanceUpdate update(TaskState from) {
        return InstanceUpdate.task(uuid(), host.name(), List.of(from), stage.taskState())
                .withVmState(stage.vmState())
                .withPowerState(stage.powerState())
                .withEvents(unreported);
    }

    Build reported() {
        return new Build(context, request, host, trace, started, stage, stageStarted, networkAllocated, List.of());
    }

    /** The events of a build that failed in its current stage: that stage (if it had begun) and the build. */
    List<ActionEvent> failureEvents(String reason, Instant now) {
        List<ActionEvent> events = new ArrayList<>(2);
        if (stage.event() != null) {
            events.add(ActionEvent.error(stage.event(), stageStarted, now, host.name(), reason));
        }
        events.add(ActionEvent.error(ActionEvent.BUILD, started, now, host.name(), reason));
        return events;
    }
}
