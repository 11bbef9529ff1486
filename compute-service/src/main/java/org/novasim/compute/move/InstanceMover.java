package org.novasim.compute.move;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.MigrationInfo;
import org.novasim.common.compute.MoveInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Carries out this host's {@link MoveStep}s of a resize or cold migration and hands over to the other host, as
 * Nova's compute managers do between themselves. Every report to the conductor names the task state it expects
 * and moves the migration's status with the instance's in one update, so a delete that came in meanwhile stops the
 * move at its next step. A claim the destination cannot make gives the task up (the instance stays where it was,
 * with a fault); a hypervisor that fails the move puts the instance in ERROR with a fault and the migration in
 * {@code error}, as Nova's _error_out_instance_on_exception does.
 *
 * <p>Claims: the destination holds the new flavor from {@link MoveStep#PREP} on, the source keeps the old one
 * until the move is confirmed; a revert gives the destination's back.
 */
public final class InstanceMover {

    private static final Logger log = LoggerFactory.getLogger(InstanceMover.class);

    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final ComputeClient compute;
    private final Executor workers;
    private final Clock clock;

    public InstanceMover(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            ComputeClient compute,
            Executor workers,
            Clock clock) {
        this.hosts = hosts;
        this.driver = driver;
        this.conductor = conductor;
        this.compute = compute;
        this.workers = workers;
        this.clock = clock;
    }

    public void prepResize(RpcContext context, MoveInstance move) {
        run(context, MoveStep.PREP, move);
    }

    public void resizeInstance(RpcContext context, MoveInstance move) {
        run(context, MoveStep.RESIZE, move);
    }

    public void finishResize(RpcContext context, MoveInstance move) {
        run(context, MoveStep.FINISH, move);
    }

    public void confirmResize(RpcContext context, MoveInstance move) {
        run(context, MoveStep.CONFIRM, move);
    }

    public void revertResize(RpcContext context, MoveInstance move) {
        run(context, MoveStep.REVERT, move);
    }

    public void finishRevertResize(RpcContext context, MoveInstance move) {
        run(context, MoveStep.FINISH_REVERT, move);
    }

    /** One step under way. */
    private record Step(RpcContext context, MoveStep step, MoveInstance move, Instant started) {

        String uuid() {
            return move.instance().uuid();
        }

        MigrationInfo migration() {
            return move.migration();
        }

        InstanceUpdate update(TaskState from, TaskState to) {
            return InstanceUpdate.task(uuid(), null, List.of(from), to);
        }
    }

    private void run(RpcContext context, MoveStep step, MoveInstance move) {
        Step running = new Step(context, step, move, clock.instant());
        workers.execute(() -> withRequestId(context, () -> {
            try {
                switch (step) {
                    case PREP -> prep(running);
                    case RESIZE ->
                        drive(
                                running,
                                TaskState.RESIZE_MIGRATING,
                                "migrating",
                                () -> driver.migrateDiskAndPowerOff(move.host(), running.uuid()));
                    case FINISH ->
                        drive(
                                running,
                                TaskState.RESIZE_FINISH,
                                null,
                                () -> driver.finishMigration(move.host(), move.instance(), move.powerOn()));
                    case CONFIRM, REVERT -> letGo(running);
                    case FINISH_REVERT ->
                        drive(
                                running,
                                null,
                                null,
                                () -> driver.finishRevertMigration(move.host(), running.uuid(), move.powerOn()));
                }
            } catch (RemoteError e) {
                stopped(running, e);
            }
        }));
    }

    /** The destination claims the new flavor; no room gives the task up with a fault, the instance stays. */
    private void prep(Step running) {
        SimulatedHost host = hosts.get(running.move().host());
        Optional<String> refused = host == null
                ? Optional.of("Compute host " + running.move().host() + " could not be found.")
                : host.tracker().claim(running.uuid(), running.migration().newFlavor());
        if (host != null) {
            host.settled(running.uuid(), running.started());
        }
        if (refused.isPresent()) {
            log.info("{} does not fit on {}: {}", running.uuid(), running.move().host(), refused.get());
            conductor.instanceUpdate(
                    running.context(),
                    running.update(TaskState.RESIZE_PREP, TaskState.NONE)
                            .withMigration(running.migration().id(), "error")
                            .withFault(refused.get())
                            .withEvents(List.of(failedEvent(running, refused.get()))));
            return;
        }
        try {
            conductor.instanceUpdate(
                    running.context(),
                    running.update(TaskState.RESIZE_PREP, TaskState.RESIZE_PREP)
                            .withEvents(List.of(doneEvent(running))));
        } catch (RemoteError e) {
            free(running.move().host(), running.uuid());
            throw e;
        }
        handOver(running);
    }

    /**
     * Reports the step's task state (when it has one of its own), waits for the hypervisor, then reports where the
     * step leaves the instance and hands over.
     */
    private void drive(
            Step running, TaskState working, String migrationStatus, Supplier<CompletableFuture<Void>> hypervisor) {
        TaskState from = running.step().expected();
        if (working != null) {
            InstanceUpdate begin = running.update(from, working);
            if (running.step() == MoveStep.FINISH) {
                // The instance is the destination's from here on, with its new flavor.
                begin = InstanceUpdate.task(running.uuid(), running.move().host(), List.of(from), working)
                        .withFlavor(running.migration().newFlavor());
            }
            if (migrationStatus != null) {
                begin = begin.withMigration(running.migration().id(), migrationStatus);
            }
            conductor.instanceUpdate(running.context(), begin);
            from = working;
        }
        TaskState current = from;
        hypervisor
                .get()
                .whenComplete((ok, error) -> workers.execute(() -> withRequestId(running.context(), () -> {
                    try {
                        if (error == null) {
                            conductor.instanceUpdate(running.context(), ended(running, current));
                            handOver(running);
                        } else {
                            failed(running, current, error instanceof CompletionException c ? c.getCause() : error);
                        }
                    } catch (RemoteError e) {
                        stopped(running, e);
                    }
                })));
    }

    /** Where a step that drove the hypervisor leaves the instance. */
    private InstanceUpdate ended(Step running, TaskState from) {
        MoveInstance move = running.move();
        PowerState power = move.powerOn() ? PowerState.RUNNING : PowerState.SHUTDOWN;
        VmState settled = move.powerOn() ? VmState.ACTIVE : VmState.STOPPED;
        InstanceUpdate update = switch (running.step()) {
            case RESIZE -> running.update(from, TaskState.RESIZE_MIGRATED).withPowerState(PowerState.SHUTDOWN);
            case FINISH ->
                running.update(from, TaskState.NONE)
                        .withVmState(VmState.RESIZED)
                        .withPowerState(power);
            case FINISH_REVERT ->
                InstanceUpdate.task(running.uuid(), move.host(), List.of(from), TaskState.NONE)
                        .withFlavor(running.migration().oldFlavor())
                        .withVmState(settled)
                        .withPowerState(power);
            default -> throw new IllegalStateException(running.step() + " drives no hypervisor");
        };
        if (running.step().migrationStatus() != null && running.step() != MoveStep.FINISH_REVERT) {
            update = update.withMigration(
                    running.migration().id(), running.step().migrationStatus());
        }
        return update.withEvents(List.of(doneEvent(running)));
    }

    /** Confirm (on the source) or revert (on the destination): the guest and the claim there go. */
    private void letGo(Step running) {
        driver.destroy(running.move().host(), running.uuid());
        free(running.move().host(), running.uuid());
        InstanceUpdate update = running.step() == MoveStep.CONFIRM
                ? running.update(TaskState.NONE, TaskState.NONE)
                        .withVmState(running.move().powerOn() ? VmState.ACTIVE : VmState.STOPPED)
                : running.update(TaskState.RESIZE_REVERTING, TaskState.RESIZE_REVERTING);
        conductor.instanceUpdate(
                running.context(),
                update.withMigration(running.migration().id(), running.step().migrationStatus())
                        .withEvents(List.of(doneEvent(running))));
        handOver(running);
    }

    /** The hypervisor failed the step: ERROR with the failure as the fault; a destination's claim goes. */
    private void failed(Step running, TaskState from, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        log.warn(
                "{} of {} on {} failed: {}",
                running.step(),
                running.uuid(),
                running.move().host(),
                reason);
        conductor.instanceUpdate(
                running.context(),
                running.update(from, TaskState.NONE)
                        .withVmState(VmState.ERROR)
                        .withPowerState(driver.powerState(running.move().host(), running.uuid()))
                        .withMigration(running.migration().id(), "error")
                        .withFault(reason)
                        .withEvents(List.of(failedEvent(running, reason))));
        if (running.step() == MoveStep.RESIZE) {
            // The guest never left the source: the destination gives back what it claimed.
            send(running.context(), MoveStep.REVERT, running.move());
        }
    }

    private void handOver(Step running) {
        MoveStep next = running.step().next();
        if (next != null) {
            send(running.context(), next, running.move());
        }
    }

    private void send(RpcContext context, MoveStep step, MoveInstance move) {
        MigrationInfo migration = move.migration();
        compute.move(
                context,
                step.method(),
                new MoveInstance(step.hostOf(migration), move.instance(), migration, move.powerOn()));
    }

    private void free(String hostName, String uuid) {
        SimulatedHost host = hosts.get(hostName);
        if (host != null && host.tracker().free(uuid)) {
            host.markChanged();
        }
    }

    private ActionEvent doneEvent(Step running) {
        return ActionEvent.success(
                running.step().event(),
                running.started(),
                clock.instant(),
                running.move().host());
    }

    private ActionEvent failedEvent(Step running, String reason) {
        return ActionEvent.error(
                running.step().event(),
                running.started(),
                clock.instant(),
                running.move().host(),
                reason);
    }

    private static void stopped(Step running, RemoteError e) {
        if (e.overtaken()) {
            // A delete or another action got there first; theirs wins.
            log.info("{} of {} stopped: {}", running.step(), running.uuid(), e.getMessage());
        } else {
            log.error("{} of {} could not go on: {}", running.step(), running.uuid(), e.toString());
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
