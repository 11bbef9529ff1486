package org.novasim.api.conductor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.novasim.api.action.ActionLog;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.api.migration.MigrationStore;
import org.novasim.common.conductor.InstanceDestroyed;
import org.novasim.common.conductor.InstanceNotFoundException;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.conductor.UnexpectedTaskStateException;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies what hosts report about their instances (Nova's conductor side of instance.save() and destroy()). */
@Component
public class InstanceStateWriter {

    private static final Logger log = LoggerFactory.getLogger(InstanceStateWriter.class);

    private final InstanceStore instances;
    private final ActionLog actions;
    private final Clock clock;
    private final LaunchMetrics metrics;
    private final MigrationStore migrations;
    private final InstanceFaultRepository faults;

    public InstanceStateWriter(
            InstanceStore instances,
            ActionLog actions,
            Clock clock,
            LaunchMetrics metrics,
            MigrationStore migrations,
            InstanceFaultRepository faults) {
        this.migrations = migrations;
        this.faults = faults;
        this.instances = instances;
        this.actions = actions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Applies the change if the instance is in an expected task state; otherwise tells the host why not, so a
     * build learns it was deleted under it and stops. The same update twice (sent again after its reply was lost
     * with the broker's connection) is answered as applied and changes nothing the second time: the instance is
     * already where the update takes it, on the same host.
     */
    @Transactional
    public void update(RpcContext context, InstanceUpdate update) {
        Instant now = clock.instant();
        boolean applied = instances.updateState(
                update.instanceUuid(),
                update.vmState(),
                update.taskState(),
                update.powerState(),
                update.expectedTaskStates(),
                update.host(),
                update.hostCleared(),
                update.flavor(),
                update.networkInfo(),
                update.launchedAt(),
                now);
        if (!applied) {
            Instance current = instances
                    .findLive(update.instanceUuid())
                    .orElseThrow(() -> InstanceNotFoundException.of(update.instanceUuid()));
            if (alreadyApplied(current, update)) {
                log.info(
                        "instance {} is already {}/{} on {}: a repeated update, nothing to do",
                        current.uuid(),
                        current.vmState(),
                        current.taskState().describe(),
                        current.host());
                return;
            }
            throw new UnexpectedTaskStateException("Unexpected task state: expecting "
                    + names(update.expectedTaskStates()) + " but the actual state is "
                    + current.taskState().describe());
        }
        actions.record(context, update.instanceUuid(), update.events());
        if (update.migrationId() != null && update.migrationStatus() != null) {
            migrations.setStatus(update.migrationId(), update.migrationStatus(), now);
        }
        if (update.fault() != null) {
            faults.save(InstanceFault.of(update.instanceUuid(), 500, update.fault(), update.host(), now));
        }
        if (isBuildDone(update)) {
            instances
                    .find(update.instanceUuid())
                    .ifPresent(built -> metrics.active(built.createdAt(), update.launchedAt()));
        }
    }

    static boolean alreadyApplied(Instance current, InstanceUpdate update) {
        boolean hostMatches = update.hostCleared()
                ? current.host() == null
                : update.host() == null || update.host().equals(current.host());
        return hostMatches
                && current.taskState() == update.taskState()
                && (update.vmState() == null || current.vmState() == update.vmState())
                && (update.powerState() == null || current.powerState() == update.powerState());
    }

    /** The last step of a build: spawned, now ACTIVE (a start or reboot also ends ACTIVE, but not from spawning). */
    private static boolean isBuildDone(InstanceUpdate update) {
        return update.vmState() == VmState.ACTIVE
                && update.launchedAt() != null
                && update.expectedTaskStates().contains(TaskState.SPAWNING);
    }

    @Transactional
    public void destroyed(RpcContext context, InstanceDestroyed destroyed) {
        actions.record(context, destroyed.instanceUuid(), destroyed.events());
        instances.softDelete(destroyed.instanceUuid(), clock.instant());
    }

    private static String names(List<TaskState> states) {
        return states.stream().map(TaskState::describe).toList().toString();
    }
}
