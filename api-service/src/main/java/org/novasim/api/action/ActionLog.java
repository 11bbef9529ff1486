package org.novasim.api.action;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records what happens to instances as actions and events. An event finds its action by instance and request
 * id, as Nova's does: the request id travels with every message of that request, to every host it reaches.
 */
@Component
public class ActionLog {

    private static final Logger log = LoggerFactory.getLogger(ActionLog.class);

    // Plain JDBC for the inserts: every request and every state a build reports makes some, and Spring Data's
    // aggregate machinery (entity callbacks, conversions, generated-key reads) cost more than the insert itself.
    private static final String INSERT_ACTION = "INSERT INTO instance_actions "
            + "(instance_uuid, action, request_id, project_id, user_id, start_time, updated_at, trace_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO instance_action_events "
            + "(action_id, event, start_time, finish_time, result, traceback, host) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final InstanceActionRepository actions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LaunchMetrics metrics;
    private final Tracer tracer;

    public ActionLog(
            InstanceActionRepository actions,
            JdbcTemplate jdbc,
            Clock clock,
            LaunchMetrics metrics,
            ObjectProvider<Tracer> tracer) {
        this.actions = actions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    public void start(RpcContext context, String instanceUuid, String action) {
        var now = clock.instant();
        if (actions.findByInstanceUuidAndRequestId(instanceUuid, context.requestId())
                .isEmpty()) {
            jdbc.update(
                    INSERT_ACTION,
                    instanceUuid,
                    action,
                    context.requestId(),
                    context.projectId(),
                    context.userId(),
                    utc(now),
                    utc(now),
                    traceId());
        }
    }

    /** The trace of the request being handled, when tracing is on (./novasim run --trace). */
    private String traceId() {
        Span span = tracer.currentSpan();
        // Unsampled spans (tracing off) have ids too, of a trace nobody records.
        return span == null || !Boolean.TRUE.equals(span.context().sampled())
                ? null
                : span.context().traceId();
    }

    public void record(RpcContext context, String instanceUuid, List<ActionEvent> finished) {
        if (finished.isEmpty()) {
            return;
        }
        metrics.stages(finished);
        actions.findByInstanceUuidAndRequestId(instanceUuid, context.requestId())
                .ifPresentOrElse(
                        action -> {
                            jdbc.batchUpdate(
                                    INSERT_EVENT,
                                    finished.stream()
                                            .map(event -> new Object[] {
                                                action.id(),
                                                event.event(),
                                                utc(event.startTime()),
                                                utc(event.finishTime()),
                                                event.result(),
                                                event.details(),
                                                event.host()
                                            })
                                            .toList());
                            if (action.message() == null
                                    && finished.stream().anyMatch(event -> ActionEvent.ERROR.equals(event.result()))) {
                                actions.save(action.failed(clock.instant()));
                            }
                        },
                        () -> log.debug(
                                "no action of request {} on {} for events {}",
                                context.requestId(),
                                instanceUuid,
                                finished));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
