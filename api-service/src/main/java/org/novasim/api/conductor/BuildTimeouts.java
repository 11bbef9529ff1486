package org.novasim.api.conductor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.action.InstanceActionRepository;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts instances still building long after they were created in ERROR, with Nova's fault "Instance build timed
 * out. Set to error state." (Nova's instance_build_timeout). It catches what no host will ever report on: a build
 * cast to a host whose process died before taking it in, or that died in the middle of it. The host, if it comes
 * back, finds the instance no longer expects its build and cleans up.
 *
 * <p>Nova checks this on each compute host; novasim's conductor checks it, because the host may be the one that
 * died. Several API processes may check at once: the compare-and-set on vm_state lets only one win per instance.
 */
@Component
class BuildTimeouts implements SchedulingConfigurer {

    static final String FAULT = "Instance build timed out. Set to error state.";
    private static final Logger log = LoggerFactory.getLogger(BuildTimeouts.class);

    private final JdbcClient jdbc;
    private final InstanceFaultRepository faults;
    private final InstanceActionRepository actionRepository;
    private final ActionLog actions;
    private final NetworkClient network;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LaunchMetrics metrics;
    private final Duration timeout;
    private final Duration checkInterval;

    BuildTimeouts(
            JdbcClient jdbc,
            InstanceFaultRepository faults,
            InstanceActionRepository actionRepository,
            ActionLog actions,
            NetworkClient network,
            TransactionTemplate transaction,
            Clock clock,
            LaunchMetrics metrics,
            ConductorProperties properties) {
        this.jdbc = jdbc;
        this.faults = faults;
        this.actionRepository = actionRepository;
        this.actions = actions;
        this.network = network;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
        this.timeout = properties.buildTimeout();
        this.checkInterval = properties.buildTimeoutCheck();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::check, checkInterval, checkInterval));
    }

    void check() {
        if (timeout.isZero() || timeout.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        List<String> stuck = jdbc.sql("SELECT uuid FROM instances WHERE vm_state = 'building' AND deleted_at IS NULL "
                        + "AND created_at < :before ORDER BY created_at")
                .param("before", now.minus(timeout).atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
        for (String uuid : stuck) {
            timedOut(uuid, now);
        }
    }

    private void timedOut(String uuid, Instant now) {
        // The state and its fault together, so nobody sees ERROR without the reason.
        Boolean changed = transaction.execute(status -> markTimedOut(uuid, now));
        if (!Boolean.TRUE.equals(changed)) {
            return;
        }
        log.warn("instance {} has been building for more than {}: {}", uuid, timeout, FAULT);
        try {
            // A host that died mid-build never gives its addresses back.
            network.deallocateForInstance(RpcContext.system(), uuid);
        } catch (RemoteError e) {
            log.warn("could not release the ports of {}: {}", uuid, e.toString());
        }
        // The event belongs to the create action, found by the request id that created it.
        actionRepository.findByInstanceUuidOrderByStartTimeDescIdDesc(uuid).stream()
                .filter(action -> InstanceAction.CREATE.equals(action.action()))
                .findFirst()
                .ifPresent(create -> actions.record(
                        new RpcContext(create.requestId(), create.projectId(), create.userId(), List.of()),
                        uuid,
                        List.of(ActionEvent.error(
                                ActionEvent.BUILD_TIMEOUT,
                                now,
                                now,
                                null,
                                FAULT + " Timeout: " + timeout.toSeconds() + " s."))));
    }

    /**
     * Off its host, as any build failure leaves an instance: a host that is only slow finds at its next step that
     * the instance no longer expects its build, and cleans up what it holds.
     */
    private boolean markTimedOut(String uuid, Instant now) {
        boolean changed = jdbc.sql("UPDATE instances SET vm_state = 'error', task_state = NULL, power_state = 0, "
                                + "host = NULL, network_info = NULL, updated_at = :now "
                                + "WHERE uuid = :uuid AND vm_state = 'building' AND deleted_at IS NULL "
                                + "AND (task_state IS NULL OR task_state <> 'deleting')")
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("uuid", uuid)
                        .update()
                == 1;
        if (changed) {
            faults.save(InstanceFault.of(uuid, 500, FAULT, null, now));
            metrics.failed(FAULT);
        }
        return changed;
    }
}
