package org.novasim.api.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instances in the API database. State changes are compare-and-set on the task state, as Nova's
 * instance.save(expected_task_state=...): an update names the task states it expects and changes nothing when
 * someone else (a delete, another step) got there first. That is what keeps concurrent API calls and host
 * updates from overwriting each other.
 */
@Repository
public class InstanceStore {

    static final String COLUMNS = "uuid, display_name, project_id, user_id, reservation_id, launch_index, "
            + "flavor_id, flavor, image_ref, vm_state, task_state, power_state, host, availability_zone, network_info, "
            + "key_name, launched_at, terminated_at, created_at, updated_at, deleted_at, user_data, locked";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private static final int HOSTS_PER_QUERY = 500;

    public InstanceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Instance instance) {
        jdbc.sql("INSERT INTO instances (" + COLUMNS + ", vcpus, memory_mb, root_gb) VALUES (:uuid, :name, :project, "
                        + ":user, :reservation, :launchIndex, :flavorId, :flavor, :image, :vmState, :taskState, "
                        + ":powerState, :host, :az, :networkInfo, :keyName, :launchedAt, :terminatedAt, :createdAt, "
                        + ":updatedAt, :deletedAt, :userData, :locked, :vcpus, :memoryMb, :rootGb)")
                .param("uuid", instance.uuid())
                .param("name", instance.displayName())
                .param("project", instance.projectId())
                .param("user", instance.userId())
                .param("reservation", instance.reservationId())
                .param("launchIndex", instance.launchIndex())
                .param("flavorId", instance.flavor().id())
                .param("flavor", json.writeValueAsString(instance.flavor()))
                .param("image", instance.imageRef())
                .param("vmState", instance.vmState().value())
                .param("taskState", value(instance.taskState()))
                .param("powerState", instance.powerState().code())
                .param("host", instance.host())
                .param("az", instance.availabilityZone())
                .param(
                        "networkInfo",
                        instance.networkInfo() == null ? null : json.writeValueAsString(instance.networkInfo()))
                .param("keyName", instance.keyName())
                .param("launchedAt", time(instance.launchedAt()))
                .param("terminatedAt", time(instance.terminatedAt()))
                .param("createdAt", time(instance.createdAt()))
                .param("updatedAt", time(instance.updatedAt()))
                .param("deletedAt", time(instance.deletedAt()))
                .param("userData", instance.userData())
                .param("locked", instance.locked())
                .param("vcpus", instance.flavor().vcpus())
                .param("memoryMb", instance.flavor().memoryMb())
                .param("rootGb", instance.flavor().rootGb())
                .update();
    }

    /** The instance, deleted or not. */
    public Optional<Instance> find(String uuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instances WHERE uuid = :uuid")
                .param("uuid", uuid)
                .query(this::map)
                .optional();
    }

    /** The instance unless it is deleted. */
    public Optional<Instance> findLive(String uuid) {
        return find(uuid).filter(instance -> !instance.isDeleted());
    }

    /** The live instances on any of the hosts (in slices: one IN list per 500 hosts, for 10,000-host processes). */
    public List<Instance> liveOnHosts(List<String> hosts) {
        List<Instance> found = new ArrayList<>();
        for (int from = 0; from < hosts.size(); from += HOSTS_PER_QUERY) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM instances WHERE deleted_at IS NULL AND host IN (:hosts)")
                    .param("hosts", hosts.subList(from, Math.min(hosts.size(), from + HOSTS_PER_QUERY)))
                    .query(this::map)
                    .list());
        }
        return found;
    }

    /**
     * Applies a state change if the task state is one of {@code expected} (NONE meaning no task) and the
     * instance is not deleted. The task state is always set; vm state, power state, host, network info and launch
     * time change only when given.
     *
     * @return whether the change was applied
     */
    public boolean updateState(
            String uuid,
            VmState vmState,
            TaskState taskState,
            PowerState powerState,
            Collection<TaskState> expected,
            String host,
            NetworkInfo networkInfo,
            Instant launchedAt,
            Instant now) {
        return updateState(
                uuid, vmState, taskState, powerState, expected, host, false, null, networkInfo, launchedAt, now);
    }

    /**
     * As above; also takes the instance off its host ({@code hostCleared}) or gives it another flavor (a resize
     * finishing or reverting: its resources count for quotas from then on).
     */
    public boolean updateState(
            String uuid,
            VmState vmState,
            TaskState taskState,
            PowerState powerState,
            Collection<TaskState> expected,
            String host,
            boolean hostCleared,
            FlavorSpec flavor,
            NetworkInfo networkInfo,
            Instant launchedAt,
            Instant now) {
        String sql = "UPDATE instances SET vm_state = COALESCE(:vmState, vm_state), task_state = :taskState, "
                + "power_state = COALESCE(:powerState, power_state), "
                + (hostCleared ? "host = NULL, " : "host = COALESCE(:host, host), ")
                + (flavor == null
                        ? ""
                        : "flavor_id = :flavorId, flavor = :flavor, vcpus = :vcpus, memory_mb = :memoryMb, "
                                + "root_gb = :rootGb, ")
                + "network_info = COALESCE(:networkInfo, network_info), "
                + "launched_at = COALESCE(:launchedAt, launched_at), updated_at = :now "
                + "WHERE uuid = :uuid AND deleted_at IS NULL AND " + expectedTaskState(expected);
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (!hostCleared) {
            statement = statement.param("host", host);
        }
        if (flavor != null) {
            statement = statement
                    .param("flavorId", flavor.id())
                    .param("flavor", json.writeValueAsString(flavor))
                    .param("vcpus", flavor.vcpus())
                    .param("memoryMb", flavor.memoryMb())
                    .param("rootGb", flavor.rootGb());
        }
        statement = statement
                .param("vmState", vmState == null ? null : vmState.value())
                .param("taskState", value(taskState))
                .param("powerState", powerState == null ? null : powerState.code())
                .param("networkInfo", networkInfo == null ? null : json.writeValueAsString(networkInfo))
                .param("launchedAt", time(launchedAt))
                .param("now", time(now))
                .param("uuid", uuid);
        return withExpected(statement, expected).update() == 1;
    }

    /** Sets only the task state (an API action starting), if the current one is expected. */
    public boolean updateTaskState(String uuid, TaskState taskState, Collection<TaskState> expected, Instant now) {
        String sql = "UPDATE instances SET task_state = :taskState, updated_at = :now "
                + "WHERE uuid = :uuid AND deleted_at IS NULL AND " + expectedTaskState(expected);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("taskState", value(taskState))
                .param("now", time(now))
                .param("uuid", uuid);
        return withExpected(statement, expected).update() == 1;
    }

    /**
     * Whether the instance still waits for the conductor to place it: building, scheduling, on no host, not deleted.
     * A repeated schedule request for one that was placed meanwhile has nothing to do.
     */
    public boolean awaitsHost(String uuid) {
        return jdbc.sql("SELECT COUNT(*) FROM instances WHERE uuid = :uuid AND deleted_at IS NULL "
                                + "AND vm_state = 'building' AND task_state = 'scheduling' AND host IS NULL")
                        .param("uuid", uuid)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Back to scheduling for another host: no host, no addresses. Only a building instance that is on the host that
     * failed it, or on none: not if a delete has begun, not one that failed for good, and not one another host has
     * taken since (a repeated reschedule request changes nothing).
     */
    public boolean resetForReschedule(String uuid, String failedHost, Instant now) {
        return jdbc.sql("UPDATE instances SET vm_state = 'building', task_state = 'scheduling', power_state = 0, "
                                + "host = NULL, network_info = NULL, updated_at = :now "
                                + "WHERE uuid = :uuid AND deleted_at IS NULL AND vm_state = 'building' "
                                + "AND (host IS NULL OR host = :failedHost) "
                                + "AND (task_state IS NULL OR task_state <> 'deleting')")
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .param("failedHost", failedHost)
                        .update()
                == 1;
    }

    /** The build failed for good: ERROR, on no host. Not if a delete has begun. */
    public boolean markError(String uuid, Instant now) {
        return jdbc.sql("UPDATE instances SET vm_state = 'error', task_state = NULL, power_state = 0, host = NULL, "
                                + "network_info = NULL, updated_at = :now "
                                + "WHERE uuid = :uuid AND deleted_at IS NULL "
                                + "AND (task_state IS NULL OR task_state <> 'deleting')")
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .update()
                == 1;
    }

    /** Marks the instance deleted (it stays readable for changes-since and its action log). */
    public boolean softDelete(String uuid, Instant now) {
        return jdbc.sql("UPDATE instances SET vm_state = 'deleted', task_state = NULL, power_state = 0, "
                                + "terminated_at = :now, updated_at = :now, deleted_at = :now "
                                + "WHERE uuid = :uuid AND deleted_at IS NULL")
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .update()
                == 1;
    }

    /** Renames the instance (PUT /servers/{id}); false if it is gone. */
    public boolean rename(String uuid, String name, Instant now) {
        return jdbc.sql("UPDATE instances SET display_name = :name, updated_at = :now "
                                + "WHERE uuid = :uuid AND deleted_at IS NULL")
                        .param("name", name)
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .update()
                == 1;
    }

    /** Locks or unlocks the instance; {@code by} is {@code owner} or {@code admin}, as Nova's locked_by. */
    public boolean setLock(String uuid, boolean locked, String by, String reason, Instant now) {
        return jdbc.sql("UPDATE instances SET locked = :locked, locked_by = :by, locked_reason = :reason, "
                                + "updated_at = :now WHERE uuid = :uuid AND deleted_at IS NULL")
                        .param("locked", locked)
                        .param("by", locked ? by : null)
                        .param("reason", locked ? reason : null)
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .update()
                == 1;
    }

    /** Who locked the instance ({@code owner} or {@code admin}), empty when it is not locked. */
    public Optional<String> lockedBy(String uuid) {
        return jdbc.sql("SELECT locked_by FROM instances WHERE uuid = :uuid AND locked")
                .param("uuid", uuid)
                .query(String.class)
                .optional();
    }

    /** Why the instance is locked (2.73), or empty. */
    public Optional<String> lockedReason(String uuid) {
        return jdbc.sql("SELECT locked_reason FROM instances WHERE uuid = :uuid AND locked")
                .param("uuid", uuid)
                .query(String.class)
                .optional();
    }

    /** An admin's os-resetState: the vm state given, no task, whatever the instance was doing. */
    public boolean resetState(String uuid, VmState vmState, Instant now) {
        return jdbc.sql("UPDATE instances SET vm_state = :vmState, task_state = NULL, updated_at = :now "
                                + "WHERE uuid = :uuid AND deleted_at IS NULL")
                        .param("vmState", vmState.value())
                        .param("now", time(now))
                        .param("uuid", uuid)
                        .update()
                == 1;
    }

    /** A rebuild's new image, set with its first task state if the current one is expected. */
    public boolean beginRebuild(String uuid, String imageRef, Collection<TaskState> expected, Instant now) {
        String sql = "UPDATE instances SET task_state = :taskState, image_ref = :image, updated_at = :now "
                + "WHERE uuid = :uuid AND deleted_at IS NULL AND " + expectedTaskState(expected);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("taskState", TaskState.REBUILDING.value())
                .param("image", imageRef)
                .param("now", time(now))
                .param("uuid", uuid);
        return withExpected(statement, expected).update() == 1;
    }

    /** Removes instances that were never handed to the conductor (their create failed as a whole). */
    public void purge(List<String> uuids) {
        jdbc.sql("DELETE FROM instance_action_events WHERE action_id IN "
                        + "(SELECT id FROM instance_actions WHERE instance_uuid IN (:uuids))")
                .param("uuids", uuids)
                .update();
        jdbc.sql("DELETE FROM instance_actions WHERE instance_uuid IN (:uuids)")
                .param("uuids", uuids)
                .update();
        jdbc.sql("DELETE FROM instance_metadata WHERE instance_uuid IN (:uuids)")
                .param("uuids", uuids)
                .update();
        jdbc.sql("DELETE FROM instance_group_members WHERE instance_uuid IN (:uuids)")
                .param("uuids", uuids)
                .update();
        jdbc.sql("DELETE FROM instances WHERE uuid IN (:uuids)")
                .param("uuids", uuids)
                .update();
    }

    private static String expectedTaskState(Collection<TaskState> expected) {
        List<String> clauses = new ArrayList<>();
        if (expected.contains(TaskState.NONE)) {
            clauses.add("task_state IS NULL");
        }
        if (expected.stream().anyMatch(state -> state != TaskState.NONE)) {
            clauses.add("task_state IN (:expected)");
        }
        return clauses.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", clauses) + ")";
    }

    private static JdbcClient.StatementSpec withExpected(
            JdbcClient.StatementSpec statement, Collection<TaskState> expected) {
        List<String> values = expected.stream()
                .filter(state -> state != TaskState.NONE)
                .map(TaskState::value)
                .toList();
        return values.isEmpty() ? statement : statement.param("expected", values);
    }

    Instance map(ResultSet rs, int row) throws SQLException {
        String networkInfo = rs.getString("network_info");
        return new Instance(
                rs.getString("uuid"),
                rs.getString("display_name"),
                rs.getString("project_id"),
                rs.getString("user_id"),
                rs.getString("reservation_id"),
                rs.getInt("launch_index"),
                json.readValue(rs.getString("flavor"), FlavorSpec.class),
                rs.getString("image_ref"),
                VmState.of(rs.getString("vm_state")),
                TaskState.of(rs.getString("task_state")),
                PowerState.of(rs.getInt("power_state")),
                rs.getString("host"),
                rs.getString("availability_zone"),
                networkInfo == null ? null : json.readValue(networkInfo, NetworkInfo.class),
                rs.getString("key_name"),
                instant(rs, "launched_at"),
                instant(rs, "terminated_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "deleted_at"),
                rs.getString("user_data"),
                rs.getBoolean("locked"));
    }

    private static String value(TaskState state) {
        return TaskState.orNone(state).value();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
