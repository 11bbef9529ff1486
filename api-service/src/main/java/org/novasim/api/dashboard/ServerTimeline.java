package org.novasim.api.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One server's story for its Gantt chart: its actions (create, delete, stop ...) with request id and trace id, and
 * every event of each (the build's stages on each host it was tried on), and its latest fault. Deleted servers
 * are shown too, for a while they are still in the database.
 */
@Component
class ServerTimeline {

    record Event(String event, Instant start, Instant finish, String result, String host, String details) {}

    record Action(String action, String requestId, String traceId, Instant start, String message, List<Event> events) {}

    private final JdbcClient jdbc;

    ServerTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The server's timeline, if it exists and the viewer may see it. */
    Optional<Map<String, Object>> of(String uuid, Viewer viewer) {
        Optional<Map<String, Object>> server = jdbc.sql("SELECT uuid, display_name, project_id, vm_state, task_state, "
                        + "host, created_at, launched_at, deleted_at FROM instances WHERE uuid = :uuid")
                .param("uuid", uuid)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getString(1));
                    row.put("name", rs.getString(2));
                    row.put("projectId", rs.getString(3));
                    row.put("vmState", rs.getString(4));
                    row.put("taskState", rs.getString(5));
                    row.put("host", rs.getString(6));
                    row.put("created", instant(rs.getObject(7, OffsetDateTime.class)));
                    row.put("launched", instant(rs.getObject(8, OffsetDateTime.class)));
                    row.put("deleted", instant(rs.getObject(9, OffsetDateTime.class)));
                    return row;
                })
                .optional()
                .filter(row -> viewer.sees((String) row.get("projectId")));
        server.ifPresent(row -> {
            row.put("fault", fault(uuid));
            row.put("actions", actions(uuid));
        });
        return server;
    }

    private Map<String, Object> fault(String uuid) {
        return jdbc.sql("SELECT code, message, created_at, host FROM instance_faults WHERE instance_uuid = :uuid "
                        + "ORDER BY created_at DESC, id DESC LIMIT 1")
                .param("uuid", uuid)
                .query((rs, n) -> {
                    Map<String, Object> fault = new LinkedHashMap<>();
                    fault.put("code", rs.getInt(1));
                    fault.put("message", rs.getString(2));
                    fault.put("created", instant(rs.getObject(3, OffsetDateTime.class)));
                    fault.put("host", rs.getString(4));
                    return fault;
                })
                .optional()
                .orElse(null);
    }

    private List<Action> actions(String uuid) {
        List<Action> actions = new ArrayList<>();
        Map<Long, List<Event>> events = new LinkedHashMap<>();
        jdbc.sql("SELECT id, action, request_id, trace_id, start_time, message FROM instance_actions "
                        + "WHERE instance_uuid = :uuid ORDER BY start_time, id")
                .param("uuid", uuid)
                .query((rs, n) -> {
                    List<Event> own = new ArrayList<>();
                    events.put(rs.getLong(1), own);
                    actions.add(new Action(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            instant(rs.getObject(5, OffsetDateTime.class)),
                            rs.getString(6),
                            own));
                    return null;
                })
                .list();
        if (events.isEmpty()) {
            return actions;
        }
        jdbc.sql("SELECT action_id, event, start_time, finish_time, result, host, traceback "
                        + "FROM instance_action_events WHERE action_id IN (:ids) ORDER BY start_time, id")
                .param("ids", List.copyOf(events.keySet()))
                .query((rs, n) -> {
                    events.get(rs.getLong(1))
                            .add(new Event(
                                    rs.getString(2),
                                    instant(rs.getObject(3, OffsetDateTime.class)),
                                    instant(rs.getObject(4, OffsetDateTime.class)),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7)));
                    return null;
                })
                .list();
        return actions;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
