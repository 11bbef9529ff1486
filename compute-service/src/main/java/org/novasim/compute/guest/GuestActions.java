package org.novasim.compute.guest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.novasim.common.compute.ConsoleOutput;
import org.novasim.common.compute.GetConsoleOutput;
import org.novasim.common.compute.InstanceOnHost;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.compute.RebuildInstance;
import org.novasim.common.compute.RescueInstance;
import org.novasim.common.compute.SetAdminPassword;
import org.novasim.common.compute.SnapshotInstance;
import org.novasim.common.compute.StartInstance;
import org.novasim.common.compute.StopInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The actions on a guest its host keeps, stop, start, reboot, pause, suspend, rescue, password, snapshot, rebuild,
 * shelve (see {@link GuestAction} for the states of each): the API has already set the first task state; the host
 * reports each further step to the conductor, naming the task state it expects, so a delete that came in
 * meanwhile wins, then drives the hypervisor and reports where the instance ended.
 *
 * <p>The RPC handler returns at once; the work runs on the shared workers and waits for the hypervisor on
 * timers, holding no thread.
 */
public final class GuestActions {

    private static final Logger log = LoggerFactory.getLogger(GuestActions.class);

    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final Executor workers;
    private final Clock clock;

    public GuestActions(HypervisorDriver driver, ConductorClient conductor, Executor workers, Clock clock) {
        this.driver = driver;
        this.conductor = conductor;
        this.workers = workers;
        this.clock = clock;
    }

    /** One action under way on one instance; {@code before} is the guest's power state when it began. */
    private record Running(
            RpcContext context,
            GuestAction action,
            Target target,
            Instant started,
            PowerState before,
            Outcome outcome) {

        String host() {
            return target.host();
        }

        String uuid() {
            return target.uuid();
        }
    }

    /** Nova's stop_instance. */
    public void stop(RpcContext context, StopInstance request) {
        Running running = running(context, GuestAction.STOP, Target.of(request.host(), request.instanceUuid()));
        List<TaskState> expected = new ArrayList<>(List.of(TaskState.POWERING_OFF));
        PowerState before = running.before();
        // Already off (a retried or racing stop): Nova also accepts "no task" then.
        if (before == PowerState.NOSTATE || before == PowerState.SHUTDOWN || before == PowerState.CRASHED) {
            expected.add(TaskState.NONE);
        }
        drive(running, expected);
    }

    /** Nova's start_instance. */
    public void start(RpcContext context, StartInstance request) {
        drive(
                running(context, GuestAction.START, Target.of(request.host(), request.instanceUuid())),
                List.of(TaskState.POWERING_ON));
    }

    /** Nova's reboot_instance; a hard reboot of a stopped instance ends with it running. */
    public void reboot(RpcContext context, RebootInstance request) {
        GuestAction action = request.hard() ? GuestAction.HARD_REBOOT : GuestAction.SOFT_REBOOT;
        perform(context, action, Target.of(request.host(), request.instanceUuid()), Outcome.NONE);
    }

    /**
     * Carries out {@code action} on the target: reports its task states after the first, drives the hypervisor,
     * reports the end; on a worker, returning at once.
     */
    void perform(RpcContext context, GuestAction action, Target target, Outcome outcome) {
        Running running = running(context, action, target, outcome);
        workers.execute(() -> withRequestId(context, () -> {
            try {
                reportSteps(running);
            } catch (RuntimeException e) {
                stopped(running, e);
                running.outcome().afterFailure();
                return;
            }
            drive(running, List.of(action.lastTaskState()));
        }));
    }

    /** Nova's pause_instance, unpause_instance, suspend_instance, resume_instance, unrescue_instance. */
    public void pause(RpcContext context, InstanceOnHost request) {
        perform(context, GuestAction.PAUSE, target(request), Outcome.NONE);
    }

    public void unpause(RpcContext context, InstanceOnHost request) {
        perform(context, GuestAction.UNPAUSE, target(request), Outcome.NONE);
    }

    public void suspend(RpcContext context, InstanceOnHost request) {
        perform(context, GuestAction.SUSPEND, target(request), Outcome.NONE);
    }

    public void resume(RpcContext context, InstanceOnHost request) {
        perform(context, GuestAction.RESUME, target(request), Outcome.NONE);
    }

    public void rescue(RpcContext context, RescueInstance request) {
        perform(context, GuestAction.RESCUE, Target.of(request.host(), request.instanceUuid()), Outcome.NONE);
    }

    public void unrescue(RpcContext context, InstanceOnHost request) {
        perform(context, GuestAction.UNRESCUE, target(request), Outcome.NONE);
    }

    public void setAdminPassword(RpcContext context, SetAdminPassword request) {
        perform(
                context,
                GuestAction.SET_ADMIN_PASSWORD,
                Target.of(request.host(), request.instanceUuid()),
                Outcome.NONE);
    }

    /** Nova's rebuild_instance on the same host, from the image the API has put on the instance. */
    public void rebuild(RpcContext context, RebuildInstance request) {
        perform(
                context,
                GuestAction.REBUILD,
                new Target(request.host(), request.instance().uuid(), request.instance()),
                Outcome.NONE);
    }

    /** Nova's snapshot_instance: the image the API made queued becomes active, or goes when the upload fails. */
    public void snapshot(RpcContext context, SnapshotInstance request) {
        perform(
                context,
                GuestAction.SNAPSHOT,
                Target.of(request.host(), request.instanceUuid()),
                new ImageUpload(conductor, context, request.imageId(), request.instanceUuid()));
    }

    /**
     * Nova's get_console_output: the guest's log, or its last {@code length} lines; VmNotFoundException when the
     * host does not have the guest.
     */
    public ConsoleOutput consoleOutput(GetConsoleOutput request) {
        String log = driver.consoleOutput(request.host(), request.instanceUuid());
        if (request.length() == null) {
            return new ConsoleOutput(log);
        }
        List<String> lines = List.of(log.split("\n", -1));
        int from = Math.max(0, lines.size() - Math.max(0, request.length()));
        return new ConsoleOutput(String.join("\n", lines.subList(from, lines.size())));
    }

    private static Target target(InstanceOnHost request) {
        return Target.of(request.host(), request.instanceUuid());
    }

    private Running running(RpcContext context, GuestAction action, Target target) {
        return running(context, action, target, Outcome.NONE);
    }

    private Running running(RpcContext context, GuestAction action, Target target, Outcome outcome) {
        PowerState before = driver.powerState(target.host(), target.uuid());
        return new Running(context, action, target, clock.instant(), before, outcome);
    }

    /**
     * The task states between the API's and the last, each reported before the hypervisor is touched (a reboot's
     * pending and started). The first step accepts any of the action's states: a redelivered request may find the
     * instance further along.
     */
    private void reportSteps(Running running) {
        List<TaskState> states = running.action().taskStates();
        PowerState current = running.before();
        for (int i = 1; i < states.size(); i++) {
            List<TaskState> expected = i == 1 ? states : List.of(states.get(i - 1));
            conductor.instanceUpdate(
                    running.context(),
                    InstanceUpdate.task(running.uuid(), running.host(), expected, states.get(i))
                            .withPowerState(current));
        }
    }

    /** Drives the hypervisor; when it is done, reports the end state expecting {@code expected}, or the failure. */
    private void drive(Running running, List<TaskState> expected) {
        running.action()
                .drive(driver, running.target())
                .whenComplete((ok, error) -> workers.execute(() -> withRequestId(running.context(), () -> {
                    if (error == null) {
                        succeeded(running, expected);
                    } else {
                        failed(
                                running,
                                error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error);
                    }
                })));
    }

    private void succeeded(Running running, List<TaskState> expected) {
        GuestAction action = running.action();
        VmState vmState = action.endVmState();
        PowerState powerState = action.endPowerState();
        if (action == GuestAction.REBUILD && running.before() == PowerState.SHUTDOWN) {
            // Nova rebuilds a stopped instance and leaves it stopped.
            driver.powerOff(running.host(), running.uuid());
            vmState = VmState.STOPPED;
            powerState = PowerState.SHUTDOWN;
        }
        InstanceUpdate done = InstanceUpdate.task(running.uuid(), running.host(), expected, TaskState.NONE)
                .withVmState(vmState)
                .withPowerState(powerState)
                .withEvents(List.of(
                        ActionEvent.success(action.event(), running.started(), clock.instant(), running.host())));
        if (tryUpdate(running, running.outcome().onSuccess(done))) {
            running.outcome().afterSuccess();
            log.info(
                    "{} of {} on {} done: {} ({})",
                    action.event(),
                    running.uuid(),
                    running.host(),
                    vmState == null ? "vm state unchanged" : vmState.value(),
                    powerState == null ? "power unchanged" : powerState);
        } else {
            running.outcome().afterFailure();
        }
    }

    /**
     * Gives the task up: no task, power state as the hypervisor has it, and the vm state as the action's
     * {@link GuestAction.Failure} says: as it was, or ERROR with the failure as the instance's fault.
     */
    private void failed(Running running, Throwable failure) {
        GuestAction action = running.action();
        ActionEvent event = ActionEvent.error(
                action.event(), running.started(), clock.instant(), running.host(), failure.getMessage());
        PowerState now = driver.powerState(running.host(), running.uuid());
        InstanceUpdate revert = InstanceUpdate.task(
                        running.uuid(), running.host(), List.of(action.lastTaskState()), TaskState.NONE)
                .withEvents(List.of(event))
                .withPowerState(now == PowerState.NOSTATE ? null : now);
        boolean broken = switch (action.failure()) {
            case REVERT -> false;
            case ERROR_IF_OFF -> now != PowerState.RUNNING;
            case ERROR -> true;
        };
        if (broken) {
            revert = revert.withVmState(VmState.ERROR).withFault(failure.getMessage());
        }
        log.warn("{} of {} on {} failed: {}", event.event(), running.uuid(), running.host(), event.details());
        tryUpdate(running, running.outcome().onFailure(revert));
        running.outcome().afterFailure();
    }

    private boolean tryUpdate(Running running, InstanceUpdate update) {
        try {
            conductor.instanceUpdate(running.context(), update);
            return true;
        } catch (RuntimeException e) {
            stopped(running, e);
            return false;
        }
    }

    private static void stopped(Running running, RuntimeException e) {
        String what = running.action().event();
        if (e instanceof RemoteError remote && remote.overtaken()) {
            // Someone else (a delete, another action) acted on the instance first; their work wins.
            log.info("{} of {} stopped: {}", what, running.uuid(), e.getMessage());
        } else {
            log.error("{} of {} could not report to the conductor: {}", what, running.uuid(), e.toString());
        }
    }

    private static void withRequestId(RpcContext context, Runnable work) {
        MDC.put("request_id", context.requestId());
        try {
            work.run();
        } finally {
            MDC.remove("request_id");
        }
    }
}
