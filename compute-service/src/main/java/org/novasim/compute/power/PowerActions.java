package org.novasim.compute.power;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.novasim.common.compute.RebootInstance;
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
 * Stop, start and reboot of a running instance (see {@link PowerAction} for the states of each): the API has
 * already set the first task state; the host reports each further step to the conductor, naming the task state
 * it expects, so a delete that came in meanwhile wins, then drives the hypervisor and reports where the instance
 * ended.
 *
 * <p>The RPC handler returns at once; the work runs on the shared workers and waits for the hypervisor on
 * timers, holding no thread.
 */
public final class PowerActions {

    private static final Logger log = LoggerFactory.getLogger(PowerActions.class);

    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final Executor workers;
    private final Clock clock;

    public PowerActions(HypervisorDriver driver, ConductorClient conductor, Executor workers, Clock clock) {
        this.driver = driver;
        this.conductor = conductor;
        this.workers = workers;
        this.clock = clock;
    }

    /** One power action under way on one instance. */
    private record Running(RpcContext context, PowerAction action, String host, String uuid, Instant started) {}

    /** Nova's stop_instance. */
    public void stop(RpcContext context, StopInstance request) {
        Running running =
                new Running(context, PowerAction.STOP, request.host(), request.instanceUuid(), clock.instant());
        List<TaskState> expected = new ArrayList<>(List.of(TaskState.POWERING_OFF));
        PowerState before = driver.powerState(running.host(), running.uuid());
        // Already off (a retried or racing stop): Nova also accepts "no task" then.
        if (before == PowerState.NOSTATE || before == PowerState.SHUTDOWN || before == PowerState.CRASHED) {
            expected.add(TaskState.NONE);
        }
        drive(running, expected);
    }

    /** Nova's start_instance. */
    public void start(RpcContext context, StartInstance request) {
        Running running =
                new Running(context, PowerAction.START, request.host(), request.instanceUuid(), clock.instant());
        drive(running, List.of(TaskState.POWERING_ON));
    }

    /** Nova's reboot_instance; a hard reboot of a stopped instance ends with it running. */
    public void reboot(RpcContext context, RebootInstance request) {
        PowerAction action = request.hard() ? PowerAction.HARD_REBOOT : PowerAction.SOFT_REBOOT;
        Running running = new Running(context, action, request.host(), request.instanceUuid(), clock.instant());
        workers.execute(() -> withRequestId(context, () -> {
            try {
                reportSteps(running);
            } catch (RuntimeException e) {
                stopped(running, e);
                return;
            }
            drive(running, List.of(action.lastTaskState()));
        }));
    }

    /**
     * The task states between the API's and the last, each reported before the hypervisor is touched (a reboot's
     * pending and started). The first step accepts any of the action's states: a redelivered request may find the
     * instance further along.
     */
    private void reportSteps(Running running) {
        List<TaskState> states = running.action().taskStates();
        PowerState current = driver.powerState(running.host(), running.uuid());
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
                .drive(driver, running.host(), running.uuid())
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
        PowerAction action = running.action();
        InstanceUpdate done = InstanceUpdate.task(running.uuid(), running.host(), expected, TaskState.NONE)
                .withVmState(action.endVmState())
                .withPowerState(action.endPowerState())
                .withEvents(List.of(
                        ActionEvent.success(action.event(), running.started(), clock.instant(), running.host())));
        if (tryUpdate(running, done)) {
            log.info(
                    "instance {} on {} is now {} ({})",
                    running.uuid(),
                    running.host(),
                    action.endVmState().value(),
                    action.endPowerState());
        }
    }

    /**
     * Gives the task up: no task, power state as the hypervisor has it, the vm state as it was, unless a reboot
     * left the guest off, which breaks the instance (Nova puts it in ERROR).
     */
    private void failed(Running running, Throwable failure) {
        PowerAction action = running.action();
        ActionEvent event = ActionEvent.error(
                action.event(), running.started(), clock.instant(), running.host(), failure.getMessage());
        PowerState now = driver.powerState(running.host(), running.uuid());
        InstanceUpdate revert = InstanceUpdate.task(
                        running.uuid(), running.host(), List.of(action.lastTaskState()), TaskState.NONE)
                .withEvents(List.of(event));
        if (action.isReboot()) {
            revert = revert.withPowerState(now).withVmState(now == PowerState.RUNNING ? null : VmState.ERROR);
        } else {
            log.warn("{} of {} on {} failed: {}", event.event(), running.uuid(), running.host(), event.details());
            revert = revert.withPowerState(now == PowerState.NOSTATE ? null : now);
        }
        tryUpdate(running, revert);
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
