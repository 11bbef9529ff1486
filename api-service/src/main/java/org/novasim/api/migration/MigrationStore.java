package org.novasim.api.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.novasim.common.instance.FlavorSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Migrations in the API database; status changes from the API are compare-and-set, as the instance's are. */
@Repository
public class MigrationStore {

    private static final String COLUMNS = "id, uuid, instance_uuid, project_id, user_id, migration_type, status, "
            + "source_compute, dest_compute, old_flavor, new_flavor, power_on, created_at, updated_at";

    /** What os-migrations may be filtered by; null fields do not filter. */
    public record Filter(String host, String status, String instanceUuid, String migrationType) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MigrationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a new migration in status pre-migrating; returns it with its id. */
    public Migration create(
            String instanceUuid,
            String projectId,
            String userId,
            String type,
            String source,
            String dest,
            FlavorSpec oldFlavor,
            FlavorSpec newFlavor,
            boolean powerOn,
            Instant now) {
        String uuid = UUID.randomUUID().toString();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO migrations (uuid, instance_uuid, project_id, user_id, migration_type, status, "
                        + "source_compute, dest_compute, old_flavor, new_flavor, power_on, created_at, updated_at) "
                        + "VALUES (:uuid, :instance, :project, :user, :type, :status, :source, :dest, :oldFlavor, "
                        + ":newFlavor, :powerOn, :now, :now)")
                .param("uuid", uuid)
                .param("instance", instanceUuid)
                .param("project", projectId)
                .param("user", userId)
                .param("type", type)
                .param("status", Migration.PRE_MIGRATING)
                .param("source", source)
                .param("dest", dest)
                .param("oldFlavor", json.writeValueAsString(oldFlavor))
                .param("newFlavor", json.writeValueAsString(newFlavor))
                .param("powerOn", powerOn)
                .param("now", utc(now))
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<Migration> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migrations WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The instance's migration in {@code status} (Nova's get_by_instance_and_status), newest first. */
    public Optional<Migration> findByInstanceAndStatus(String instanceUuid, String status) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM migrations WHERE instance_uuid = :instance AND status = :status "
                        + "ORDER BY id DESC")
                .param("instance", instanceUuid)
                .param("status", status)
                .query(this::map)
                .list()
                .stream()
                .findFirst();
    }

    /** Sets the status whatever it was (a host reporting a step). */
    public void setStatus(long id, String status, Instant now) {
        jdbc.sql("UPDATE migrations SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** Moves the status on only from {@code from}; false when someone else moved it first. */
    public boolean compareAndSetStatus(long id, String from, String to, Instant now) {
        return jdbc.sql("UPDATE migrations SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
                        .param("to", to)
                        .param("from", from)
                        .param("now", utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Migrations waiting for a confirm since before {@code before} (Nova's _poll_unconfirmed_resizes). */
    public List<Migration> finishedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migrations WHERE status = :status AND updated_at < :before "
                        + "ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("status", Migration.FINISHED)
                .param("before", utc(before))
                .query(this::map)
                .list();
    }

    /** Newest first; {@code host} matches either end. */
    public List<Migration> list(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM migrations WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (filter.host() != null) {
            sql.append(" AND (source_compute = :host OR dest_compute = :host)");
            params.add(new Object[] {"host", filter.host()});
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.add(new Object[] {"status", filter.status()});
        }
        if (filter.instanceUuid() != null) {
            sql.append(" AND instance_uuid = :instance");
            params.add(new Object[] {"instance", filter.instanceUuid()});
        }
        if (filter.migrationType() != null) {
            sql.append(" AND migration_type = :type");
            params.add(new Object[] {"type", filter.migrationType()});
        }
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ")
                .append(limit)
                .append(" ROWS ONLY");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Object[] param : params) {
            statement = statement.param((String) param[0], param[1]);
        }
        return statement.query(this::map).list();
    }

    private Migration map(ResultSet rs, int row) throws SQLException {
        return new Migration(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("instance_uuid"),
                rs.getString("project_id"),
                rs.getString("user_id"),
                rs.getString("migration_type"),
                rs.getString("status"),
                rs.getString("source_compute"),
                rs.getString("dest_compute"),
                json.readValue(rs.getString("old_flavor"), FlavorSpec.class),
                json.readValue(rs.getString("new_flavor"), FlavorSpec.class),
                rs.getBoolean("power_on"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
