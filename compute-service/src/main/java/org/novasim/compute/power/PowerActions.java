package org.novasim.compute.power;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.compute.StartInstance;
import org.novasim.common.compute.StopInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceNotFoundException;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stop, start and reboot of a running instance, as Nova's compute manager does them: the API has already set
 * the task state (powering-off, powering-on, rebooting[_hard]); the host drives the hypervisor and reports each
 * step to the conductor, naming the task state it expects, so a delete that came in meanwhile wins. A failure
 * puts the task state back to none (Nova's reverts_task_state) and records the event as an error; a reboot
 * that leaves the guest off puts the instance in ERROR, as Nova does.
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

    /** Nova's stop_instance: powering-off → stopped / SHUTDOWN. */
    public void stop(RpcContext context, StopInstance request) {
        String host = request.host();
        String uuid = request.instanceUuid();
        Instant started = clock.instant();
        List<TaskState> expected = new ArrayList<>(List.of(TaskState.POWERING_OFF));
        PowerState before = driver.powerState(host, uuid);
        // Already off (a retried or racing stop): Nova also accepts "no task" then.
        if (before == PowerState.NOSTATE || before == PowerState.SHUTDOWN || before == PowerState.CRASHED) {
            expected.add(null);
        }
        whenDone(
                context,
                driver.powerOff(host, uuid),
                () -> update(
                        context,
                        uuid,
                        host,
                        VmState.STOPPED,
                        null,
                        PowerState.SHUTDOWN,
                        expected,
                        ActionEvent.success(ActionEvent.STOP, started, host)),
                failure -> revert(
                        context,
                        uuid,
                        host,
                        TaskState.POWERING_OFF,
                        ActionEvent.error(ActionEvent.STOP, started, host, failure.getMessage())));
    }

    /** Nova's start_instance: powering-on → active / RUNNING. */
    public void start(RpcContext context, StartInstance request) {
        String host = request.host();
        String uuid = request.instanceUuid();
        Instant started = clock.instant();
        whenDone(
                context,
                driver.powerOn(host, uuid),
                () -> update(
                        context,
                        uuid,
                        host,
                        VmState.ACTIVE,
                        null,
                        PowerState.RUNNING,
                        listOf(TaskState.POWERING_ON),
                        ActionEvent.success(ActionEvent.START, started, host)),
                failure -> revert(
                        context,
                        uuid,
                        host,
                        TaskState.POWERING_ON,
                        ActionEvent.error(ActionEvent.START, started, host, failure.getMessage())));
    }

    /**
     * Nova's reboot_instance: rebooting → reboot_pending → reboot_started → active / RUNNING (each with _hard for a
     * hard reboot). A hard reboot of a stopped instance ends with it running.
     */
    public void reboot(RpcContext context, RebootInstance request) {
        String host = request.host();
        String uuid = request.instanceUuid();
        boolean hard = request.hard();
        Instant started = clock.instant();
        TaskState pending = hard ? TaskState.REBOOT_PENDING_HARD : TaskState.REBOOT_PENDING;
        TaskState begun = hard ? TaskState.REBOOT_STARTED_HARD : TaskState.REBOOT_STARTED;
        workers.execute(() -> withRequestId(context, () -> {
            try {
                PowerState current = driver.powerState(host, uuid);
                send(
                        context,
                        new InstanceUpdate(
                                uuid,
                                null,
                                pending,
                                current,
                                hard ? TaskState.HARD_REBOOT_STATES : TaskState.SOFT_REBOOT_STATES,
                                host,
                                null,
                                null,
                                List.of()));
                send(
                        context,
                        new InstanceUpdate(uuid, null, begun, current, listOf(pending), host, null, null, List.of()));
            } catch (RuntimeException e) {
                stopped(uuid, "reboot", e);
                return;
            }
            whenDone(
                    context,
                    driver.reboot(host, uuid, hard),
                    () -> update(
                            context,
                            uuid,
                            host,
                            VmState.ACTIVE,
                            null,
                            PowerState.RUNNING,
                            listOf(begun),
                            ActionEvent.success(ActionEvent.REBOOT, started, host)),
                    failure -> rebootFailed(
                            context,
                            uuid,
                            host,
                            begun,
                            ActionEvent.error(ActionEvent.REBOOT, started, host, failure.getMessage())));
        }));
    }

    /** A reboot that failed with the guest still running only loses its task; otherwise the instance is broken. */
    private void rebootFailed(RpcContext context, String uuid, String host, TaskState begun, ActionEvent event) {
        PowerState now = driver.powerState(host, uuid);
        VmState vmState = now == PowerState.RUNNING ? null : VmState.ERROR;
        tryUpdate(
                context,
                new InstanceUpdate(uuid, vmState, null, now, listOf(begun), host, null, null, List.of(event)),
                "reboot");
    }

    private void whenDone(
            RpcContext context,
            CompletableFuture<Void> operation,
            Runnable success,
            java.util.function.Consumer<Throwable> failure) {
        operation.whenComplete((ok, error) -> workers.execute(() -> withRequestId(context, () -> {
            if (error == null) {
                success.run();
            } else {
                failure.accept(error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error);
            }
        })));
    }

    private void update(
            RpcContext context,
            String uuid,
            String host,
            VmState vmState,
            TaskState taskState,
            PowerState powerState,
            List<TaskState> expected,
            ActionEvent event) {
        if (tryUpdate(
                context,
                new InstanceUpdate(uuid, vmState, taskState, powerState, expected, host, null, null, List.of(event)),
                event.event())) {
            log.info("instance {} on {} is now {} ({})", uuid, host, vmState.value(), powerState);
        }
    }

    /** Gives the task up: no task, vm state as it was, power state as the hypervisor has it. */
    private void revert(RpcContext context, String uuid, String host, TaskState task, ActionEvent event) {
        log.warn("{} of {} on {} failed: {}", event.event(), uuid, host, event.details());
        PowerState now = driver.powerState(host, uuid);
        tryUpdate(
                context,
                new InstanceUpdate(
                        uuid,
                        null,
                        null,
                        now == PowerState.NOSTATE ? null : now,
                        listOf(task),
                        host,
                        null,
                        null,
                        List.of(event)),
                event.event());
    }

    private boolean tryUpdate(RpcContext context, InstanceUpdate update, String what) {
        try {
            send(context, update);
            return true;
        } catch (RuntimeException e) {
            stopped(update.instanceUuid(), what, e);
            return false;
        }
    }

    private void send(RpcContext context, InstanceUpdate update) {
        conductor.instanceUpdate(context, update);
    }

    private static void stopped(String uuid, String what, RuntimeException e) {
        if (e instanceof InstanceNotFoundException || e instanceof UnexpectedTaskStateException) {
            // Someone else (a delete, another action) acted on the instance first; their work wins.
            log.info("{} of {} stopped: {}", what, uuid, e.getMessage());
        } else {
            log.error("{} of {} could not report to the conductor: {}", what, uuid, e.toString());
        }
    }

    private static List<TaskState> listOf(TaskState state) {
        List<TaskState> states = new ArrayList<>(1);
        states.add(state);
        return states;
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
