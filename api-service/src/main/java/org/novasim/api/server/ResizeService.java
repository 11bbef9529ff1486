package org.novasim.api.server;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.flavor.Flavor;
import org.novasim.api.flavor.FlavorRepository;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.migration.Migration;
import org.novasim.api.migration.MigrationStore;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.MigrationInfo;
import org.novasim.common.compute.MoveInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.MigrateServer;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Service;

/**
 * Resize and cold migration, and their confirm and revert, as Nova's compute API does them: the API checks and
 * sets task state resize_prep, the conductor schedules and records the migration, the two hosts do the move; the
 * instance then waits in VERIFY_RESIZE for a confirm (the source lets go) or a revert (the destination lets go and
 * the source takes it back), which the API casts to the host concerned.
 */
@Service
public class ResizeService {

    private static final Set<VmState> MOVABLE = Set.of(VmState.ACTIVE, VmState.STOPPED);

    private final ActionGate gate;
    private final InstanceSpecs specs;
    private final FlavorRepository flavors;
    private final QuotaService quotas;
    private final MigrationStore migrations;
    private final InstanceStore instances;
    private final ActionLog actions;
    private final ConductorClient conductor;
    private final ComputeClient compute;
    private final Clock clock;

    ResizeService(
            ActionGate gate,
            InstanceSpecs specs,
            FlavorRepository flavors,
            QuotaService quotas,
            MigrationStore migrations,
            InstanceStore instances,
            ActionLog actions,
            ConductorClient conductor,
            ComputeClient compute,
            Clock clock) {
        this.gate = gate;
        this.specs = specs;
        this.flavors = flavors;
        this.quotas = quotas;
        this.migrations = migrations;
        this.instances = instances;
        this.actions = actions;
        this.conductor = conductor;
        this.compute = compute;
        this.clock = clock;
    }

    public void resize(RpcContext context, String uuid, String flavorRef) {
        ActionGate.Action resize = ActionGate.Action.of(
                "resize", InstanceAction.RESIZE, ActionEvent.MIGRATE_SERVER, TaskState.RESIZE_PREP, MOVABLE);
        Instance instance = gate.check(context, uuid, resize);
        FlavorSpec newFlavor = flavors.findById(flavorRef)
                .filter(flavor -> !flavor.disabled())
                .map(Flavor::toSpec)
                .orElseThrow(() -> ApiException.badRequest("Invalid flavorRef provided."));
        FlavorSpec current = instance.flavor();
        if (newFlavor.id().equals(current.id())) {
            throw ApiException.badRequest("When resizing, instances must change flavor!");
        }
        quotas.checkUpsize(
                instance.projectId(), newFlavor.vcpus() - current.vcpus(), newFlavor.memoryMb() - current.memoryMb());
        move(context, instance, resize, newFlavor, MigrationInfo.RESIZE);
    }

    /**
     * Admin only (Nova's os_compute_api:os-migrate-server:migrate, checked once the server is found, so another
     * project's server is a 404): another host, the same flavor.
     */
    public void migrate(RpcContext context, String uuid) {
        ActionGate.Action migrate = ActionGate.Action.of(
                "migrate", InstanceAction.MIGRATE, ActionEvent.MIGRATE_SERVER, TaskState.RESIZE_PREP, MOVABLE);
        Instance instance = gate.check(context, uuid, migrate);
        Policy.requireAdmin(context, "os_compute_api:os-migrate-server:migrate");
        move(context, instance, migrate, instance.flavor(), MigrationInfo.COLD);
    }

    private void move(
            RpcContext context, Instance instance, ActionGate.Action action, FlavorSpec newFlavor, String type) {
        if (instance.host() == null) {
            throw ActionGate.notReady(instance);
        }
        boolean powerOn = instance.vmState() == VmState.ACTIVE;
        MigrateServer request = new MigrateServer(
                specs.info(instance),
                instance.host(),
                newFlavor,
                specs.spec(instance, newFlavor, List.of(instance.host())),
                type,
                null,
                powerOn);
        gate.begin(context, instance, action, host -> conductor.migrateServer(context, request));
    }

    /** The source host lets go of the old guest and its claim; the instance is ACTIVE (or SHUTOFF) again. */
    public void confirm(RpcContext context, String uuid) {
        Instance instance = resized(context, uuid, "confirmResize");
        Migration migration = finishedMigration(uuid);
        if (!migrations.compareAndSetStatus(
                migration.id(), Migration.FINISHED, Migration.CONFIRMING, clock.instant())) {
            throw ApiException.badRequest("Instance has not been resized.");
        }
        actions.start(context, uuid, InstanceAction.CONFIRM_RESIZE);
        compute.move(
                context,
                ComputeApi.CONFIRM_RESIZE,
                new MoveInstance(
                        migration.sourceCompute(), specs.info(instance), migration.info(), migration.powerOn()));
    }

    /** The destination lets go and the source takes the guest back, with its old flavor. */
    public void revert(RpcContext context, String uuid) {
        Instance instance = resized(context, uuid, "revertResize");
        Migration migration = finishedMigration(uuid);
        if (!instances.updateTaskState(uuid, TaskState.RESIZE_REVERTING, ActionGate.NO_TASK, clock.instant())) {
            throw ApiException.conflict("Instance " + uuid + " is in an invalid state for 'revertResize'");
        }
        migrations.setStatus(migration.id(), Migration.REVERTING, clock.instant());
        actions.start(context, uuid, InstanceAction.REVERT_RESIZE);
        compute.move(
                context,
                ComputeApi.REVERT_RESIZE,
                new MoveInstance(migration.destCompute(), specs.info(instance), migration.info(), migration.powerOn()));
    }

    /**
     * A resized instance being deleted: the source lets go of what it still holds first (Nova's
     * _confirm_resize_on_deleting).
     */
    void releaseSource(RpcContext context, Instance instance) {
        migrations
                .findByInstanceAndStatus(instance.uuid(), Migration.FINISHED)
                .filter(migration -> migrations.compareAndSetStatus(
                        migration.id(), Migration.FINISHED, Migration.CONFIRMING, clock.instant()))
                .ifPresent(migration -> compute.move(
                        context,
                        ComputeApi.CONFIRM_RESIZE,
                        new MoveInstance(
                                migration.sourceCompute(),
                                specs.info(instance),
                                migration.info(),
                                migration.powerOn())));
    }

    private Instance resized(RpcContext context, String uuid, String verb) {
        Instance instance = gate.check(
                context, uuid, ActionGate.Action.of(verb, verb, verb, TaskState.NONE, Set.of(VmState.RESIZED)));
        return instance;
    }

    private Migration finishedMigration(String uuid) {
        return migrations
                .findByInstanceAndStatus(uuid, Migration.FINISHED)
                .orElseThrow(() -> ApiException.badRequest("Instance has not been resized."));
    }
}
