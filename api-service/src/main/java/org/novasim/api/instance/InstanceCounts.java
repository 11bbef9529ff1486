package org.novasim.api.instance;

import java.util.Map;
import java.util.TreeMap;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many live servers there are by API status, cloud-wide or in one project: one grouped query. */
@Component
public class InstanceCounts {

    private final JdbcClient jdbc;

    public InstanceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Live servers by status (BUILD, ACTIVE, ERROR ...); of one project, or of all when {@code projectId} is null. */
    public Map<String, Long> byStatus(String projectId) {
        Map<String, Long> counts = new TreeMap<>();
        String where = projectId == null ? "" : " AND project_id = :project";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT vm_state, task_state, COUNT(*) FROM instances "
                + "WHERE deleted_at IS NULL" + where + " GROUP BY vm_state, task_state");
        if (projectId != null) {
            query = query.param("project", projectId);
        }
        query.query((rs, n) -> {
                    String status = ServerStatus.of(VmState.of(rs.getString(1)), TaskState.of(rs.getString(2)));
                    counts.merge(status, rs.getLong(3), Long::sum);
                    return null;
                })
                .list();
        return counts;
    }
}
