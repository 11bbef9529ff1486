package org.novasim.api.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The services table. Services are written in batches when first heard of (a compute process with 10,000 hosts
 * introduces them in a few report messages) and when an operator changes one; never on a heartbeat.
 */
@Repository
public class ServiceStore {

    private static final String COLUMNS = "id, uuid, host, binary_name, topic, availability_zone, disabled, "
            + "disabled_reason, forced_down, created_at, updated_at";
    /** Hosts per IN list, well within what H2 and PostgreSQL take. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ServiceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<ServiceRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services ORDER BY id")
                .query(ServiceStore::map)
                .list();
    }

    /**
     * Inserts the services and returns them as stored. Another API process may have inserted some of them
     * meanwhile: those are read back instead.
     */
    public List<ServiceRecord> insert(List<NewService> services, Instant now) {
        List<ServiceRecord> stored = new ArrayList<>(services.size());
        for (int from = 0; from < services.size(); from += CHUNK) {
            List<NewService> chunk = services.subList(from, Math.min(services.size(), from + CHUNK));
            try {
                insertBatch(chunk, now);
            } catch (DataIntegrityViolationException e) {
                for (NewService service : chunk) {
                    try {
                        insertBatch(List.of(service), now);
                    } catch (DataIntegrityViolationException duplicate) {
                        // Someone else recorded it first; reading it back below is all that is needed.
                    }
                }
            }
            stored.addAll(find(chunk));
        }
        return stored;
    }

    private void insertBatch(List<NewService> services, Instant now) {
        template.batchUpdate(
                "INSERT INTO services (uuid, host, binary_name, topic, availability_zone, disabled, "
                        + "forced_down, created_at) VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?)",
                services,
                services.size(),
                (statement, service) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setString(2, service.host());
                    statement.setString(3, service.binary());
                    statement.setString(4, service.topic());
                    statement.setString(5, service.zone());
                    statement.setObject(6, time(now));
                });
    }

    private List<ServiceRecord> find(List<NewService> services) {
        List<ServiceRecord> found = new ArrayList<>();
        services.stream()
                .map(NewService::binary)
                .distinct()
                .forEach(binary -> found.addAll(jdbc.sql(
                                "SELECT " + COLUMNS + " FROM services WHERE binary_name = :binary AND host IN (:hosts)")
                        .param("binary", binary)
                        .param(
                                "hosts",
                                services.stream()
                                        .filter(s -> s.binary().equals(binary))
                                        .map(NewService::host)
                                        .toList())
                        .query(ServiceStore::map)
                        .list()));
        return found;
    }

    public boolean updateDisabled(long id, boolean disabled, String reason, Instant now) {
        return jdbc.sql("UPDATE services SET disabled = :disabled, disabled_reason = :reason, updated_at = :now "
                                + "WHERE id = :id")
                        .param("disabled", disabled)
                        .param("reason", reason)
                        .param("now", time(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean updateForcedDown(long id, boolean forced, Instant now) {
        return jdbc.sql("UPDATE services SET forced_down = :forced, updated_at = :now WHERE id = :id")
                        .param("forced", forced)
                        .param("now", time(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public void updateZone(long id, String zone, Instant now) {
        jdbc.sql("UPDATE services SET availability_zone = :zone, updated_at = :now WHERE id = :id")
                .param("zone", zone)
                .param("now", time(now))
                .param("id", id)
                .update();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM services WHERE id = :id").param("id", id).update() == 1;
    }

    private static ServiceRecord map(ResultSet rs, int row) throws SQLException {
        return new ServiceRecord(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("host"),
                rs.getString("binary_name"),
                rs.getString("topic"),
                rs.getString("availability_zone"),
                rs.getBoolean("disabled"),
                rs.getString("disabled_reason"),
                rs.getBoolean("forced_down"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
