package org.novasim.api.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.novasim.api.instance.InstanceCounts;
import org.novasim.api.instance.ServerStatus;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The servers side of the dashboard, from the API database: the latest servers, those changed since a moment,
 * counts by status, and recent ERROR servers grouped by the reason of their fault.
 */
@Component
class ServerFeed {

    /** One server as the launches feed shows it. */
    record Server(
            String id,
            String name,
            String projectId,
            String status,
            String taskState,
            String host,
            String zone,
            Instant created,
            Instant updated) {}

    /** ERROR servers that share a reason (the fault message with ids blanked), the latest first. */
    record FaultGroup(String reason, int count, Instant latest, List<Map<String, Object>> servers) {}

    private static final String COLUMNS = "uuid, display_name, project_id, vm_state, task_state, host, "
            + "availability_zone, created_at, updated_at";
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final int SERVERS_PER_GROUP = 8;

    private final JdbcClient jdbc;
    private final InstanceCounts counts;

    ServerFeed(JdbcClient jdbc, InstanceCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** The servers updated last (deleted ones too, as DELETED), of one project or of all. */
    List<Server> latest(String projectId, int limit) {
        String where = projectId == null ? "" : "WHERE project_id = :project ";
        JdbcClient.StatementSpec query = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM instances " + where + "ORDER BY updated_at DESC LIMIT :limit")
                .param("limit", limit);
        if (projectId != null) {
            query = query.param("project", projectId);
        }
        return query.query((rs, n) -> server(rs)).list();
    }

    /** Servers of every project changed after {@code since}, at most {@code limit}, the latest first. */
    List<Server> changedSince(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instances WHERE updated_at > :since "
                        + "ORDER BY updated_at DESC LIMIT :limit")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, n) -> server(rs))
                .list();
    }

    Map<String, Long> counts(String projectId) {
        return counts.byStatus(projectId);
    }

    /** Servers in ERROR now, grouped by reason, from their latest faults (at most {@code limit} looked at). */
    List<FaultGroup> faults(String projectId, int limit) {
        String scope = projectId == null ? "" : "AND i.project_id = :project ";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT f.message, f.created_at, i.uuid, i.display_name, f.host "
                        + "FROM instance_faults f JOIN instances i ON i.uuid = f.instance_uuid "
                        + "WHERE i.vm_state = 'error' AND i.deleted_at IS NULL " + scope
                        + "ORDER BY f.created_at DESC LIMIT :limit")
                .param("limit", limit);
        if (projectId != null) {
            query = query.param("project", projectId);
        }
        Map<String, List<Map<String, Object>>> byReason = new LinkedHashMap<>();
        Map<String, Instant> latest = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        query.query((rs, n) -> {
                    String reason = UUID.matcher(rs.getString(1)).replaceAll("<id>");
                    String uuid = rs.getString(3);
                    // A server may have several faults (one per failed attempt): count it once.
                    if (seen.computeIfAbsent(reason, r -> new HashSet<>()).add(uuid)) {
                        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        latest.putIfAbsent(reason, at);
                        Map<String, Object> server = new LinkedHashMap<>();
                        server.put("id", uuid);
                        server.put("name", rs.getString(4));
                        server.put("at", at);
                        server.put("host", rs.getString(5));
                        byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(server);
                    }
                    return null;
                })
                .list();
        List<FaultGroup> groups = new ArrayList<>();
        byReason.forEach((reason, servers) -> groups.add(new FaultGroup(
                reason,
                servers.size(),
                latest.get(reason),
                servers.subList(0, Math.min(SERVERS_PER_GROUP, servers.size())))));
        groups.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return groups;
    }

    private static Server server(ResultSet rs) throws SQLException {
        VmState vmState = VmState.of(rs.getString(4));
        TaskState taskState = TaskState.of(rs.getString(5));
        return new Server(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                ServerStatus.of(vmState, taskState),
                taskState == null ? null : taskState.value(),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
