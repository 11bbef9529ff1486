package org.novasim.api.conductor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.novasim.api.action.ActionLog;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.migration.Migration;
import org.novasim.api.migration.MigrationStore;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.MoveInstance;
import org.novasim.common.conductor.MigrateServer;
import org.novasim.common.conductor.UnshelveServer;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.SchedulerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conductor's part in moving an instance to a new host (Nova's migrate_server and unshelve_instance tasks):
 * ask the scheduler for a host, record the migration, hand over to the destination host. When no host will do
 * (or the host cannot be reached), the instance gives the task up where it is, with the reason as its fault, as
 * Nova's conductor does on NoValidHost.
 */
@Component
public class MoveConductor {

    private static final Logger log = LoggerFactory.getLogger(MoveConductor.class);

    private final SchedulerClient scheduler;
    private final ComputeClient compute;
    private final InstanceStore instances;
    private final MigrationStore migrations;
    private final InstanceFaultRepository faults;
    private final ActionLog actions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public MoveConductor(
            SchedulerClient scheduler,
            ComputeClient compute,
            InstanceStore instances,
            MigrationStore migrations,
            InstanceFaultRepository faults,
            ActionLog actions,
            TransactionTemplate transaction,
            Clock clock) {
        this.scheduler = scheduler;
        this.compute = compute;
        this.instances = instances;
        this.migrations = migrations;
        this.faults = faults;
        this.actions = actions;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A resize or cold migration: schedule, record, cast prep_resize to the destination. */
    public void migrate(RpcContext context, MigrateServer request) {
        String uuid = request.instance().uuid();
        Instant started = clock.instant();
        String dest;
        try {
            dest = scheduler
                    .selectDestinations(context, request.spec(), List.of(uuid), false)
                    .hostLists()
                    .get(0)
                    .get(0)
                    .host();
        } catch (RemoteError e) {
            giveUp(context, uuid, TaskState.RESIZE_PREP, ActionEvent.MIGRATE_SERVER, started, e.getMessage());
            return;
        }
        Migration migration = migrations.create(
                uuid,
                request.instance().projectId(),
                request.instance().userId(),
                request.migrationType(),
                request.sourceHost(),
                dest,
                request.instance().flavor(),
                request.newFlavor(),
                request.powerOn(),
                clock.instant());
        actions.record(
                context,
                uuid,
                List.of(
                        ActionEvent.success(ActionEvent.SELECT_DESTINATIONS, started, clock.instant(), null),
                        ActionEvent.success(ActionEvent.MIGRATE_SERVER, started, clock.instant(), null)));
        log.info(
                "{} of {}: {} -> {} (migration {})",
                request.migrationType(),
                uuid,
                request.sourceHost(),
                dest,
                migration.id());
        try {
            compute.move(
                    context,
                    ComputeApi.PREP_RESIZE,
                    new MoveInstance(dest, request.instance(), migration.info(), request.powerOn()));
        } catch (RemoteError e) {
            migrations.setStatus(migration.id(), Migration.ERROR, clock.instant());
            giveUp(context, uuid, TaskState.RESIZE_PREP, ActionEvent.PREP_RESIZE, started, e.getMessage());
        }
    }

    /** An offloaded instance comes back: schedule, cast unshelve_instance to the chosen host. */
    public void unshelve(RpcContext context, UnshelveServer request) {
        String uuid = request.instance().uuid();
        Instant started = clock.instant();
        try {
            String host = scheduler
                    .selectDestinations(context, request.spec(), List.of(uuid), false)
                    .hostLists()
                    .get(0)
                    .get(0)
                    .host();
            actions.record(
                    context,
                    uuid,
                    List.of(
                            ActionEvent.success(ActionEvent.SELECT_DESTINATIONS, started, clock.instant(), null),
                            ActionEvent.success(ActionEvent.UNSHELVE_CONDUCTOR, started, clock.instant(), null)));
            compute.unshelveInstance(context, host, request.instance());
        } catch (RemoteError e) {
            giveUp(context, uuid, TaskState.UNSHELVING, ActionEvent.UNSHELVE_CONDUCTOR, started, e.getMessage());
        }
    }

    /** No task any more, the vm state as it was, the reason as the fault and the conductor's event. */
    private void giveUp(RpcContext context, String uuid, TaskState task, String event, Instant started, String why) {
        log.info("{} of {} failed: {}", event, uuid, why);
        Instant now = clock.instant();
        actions.record(context, uuid, List.of(ActionEvent.error(event, started, now, null, why)));
        transaction.executeWithoutResult(status -> {
            if (instances.updateTaskState(uuid, TaskState.NONE, List.of(task), now)) {
                faults.save(InstanceFault.of(uuid, 400, why, null, now));
            }
        });
    }
}
