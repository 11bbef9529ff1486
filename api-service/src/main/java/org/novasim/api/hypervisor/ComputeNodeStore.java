package org.novasim.api.hypervisor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The compute_nodes table: written once per host, when it is first heard of. */
@Repository
public class ComputeNodeStore {

    private static final String COLUMNS = "id, uuid, host, hypervisor_hostname, service_id";
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ComputeNodeStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<ComputeNodeRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_nodes ORDER BY id")
                .query(ComputeNodeStore::map)
                .list();
    }

    /** Records the hosts (host → service id) and returns them as stored, also those another API stored first. */
    public List<ComputeNodeRecord> insert(Map<String, Long> serviceIdByHost, Instant now) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(serviceIdByHost.entrySet());
        List<ComputeNodeRecord> stored = new ArrayList<>(entries.size());
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<Map.Entry<String, Long>> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            try {
                insertBatch(chunk, now);
            } catch (DataIntegrityViolationException e) {
                for (Map.Entry<String, Long> entry : chunk) {
                    try {
                        insertBatch(List.of(entry), now);
                    } catch (DataIntegrityViolationException duplicate) {
                        // Recorded by another API process; read back below.
                    }
                }
            }
            stored.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM compute_nodes WHERE host IN (:hosts)")
                    .param("hosts", chunk.stream().map(Map.Entry::getKey).toList())
                    .query(ComputeNodeStore::map)
                    .list());
        }
        return stored;
    }

    private void insertBatch(List<Map.Entry<String, Long>> entries, Instant now) {
        template.batchUpdate(
                "INSERT INTO compute_nodes (uuid, host, hypervisor_hostname, service_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                entries,
                entries.size(),
                (statement, entry) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setString(2, entry.getKey());
                    statement.setString(3, entry.getKey());
                    statement.setLong(4, entry.getValue());
                    statement.setObject(5, now.atOffset(ZoneOffset.UTC));
                });
    }

    private static ComputeNodeRecord map(ResultSet rs, int row) throws SQLException {
        return new ComputeNodeRecord(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("host"),
                rs.getString("hypervisor_hostname"),
                rs.getLong("service_id"));
    }
}
