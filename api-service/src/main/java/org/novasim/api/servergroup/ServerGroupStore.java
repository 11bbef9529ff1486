package org.novasim.api.servergroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Server groups and their members. A member is listed while its instance is not deleted, as Nova shows them. */
@Repository
public class ServerGroupStore {

    private static final String COLUMNS = "id, uuid, name, policy, project_id, user_id, created_at";

    private final JdbcClient jdbc;

    public ServerGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ServerGroup create(String name, String policy, String projectId, String userId, Instant now) {
        String uuid = UUID.randomUUID().toString();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO instance_groups (uuid, name, policy, project_id, user_id, created_at) "
                        + "VALUES (:uuid, :name, :policy, :project, :user, :now)")
                .param("uuid", uuid)
                .param("name", name)
                .param("policy", policy)
                .param("project", projectId)
                .param("user", userId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new ServerGroup(keys.getKey().longValue(), uuid, name, policy, projectId, userId, now);
    }

    public Optional<ServerGroup> find(String uuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instance_groups WHERE uuid = :uuid")
                .param("uuid", uuid)
                .query(ServerGroupStore::map)
                .optional();
    }

    /** The project's groups, or every group when the project is null, oldest first. */
    public List<ServerGroup> list(String projectId) {
        String where = projectId == null ? "" : " WHERE project_id = :project";
        JdbcClient.StatementSpec statement =
                jdbc.sql("SELECT " + COLUMNS + " FROM instance_groups" + where + " ORDER BY created_at, id");
        return (projectId == null ? statement : statement.param("project", projectId))
                .query(ServerGroupStore::map)
                .list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM instance_group_members WHERE group_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM instance_groups WHERE id = :id").param("id", id).update();
    }

    public void addMember(long groupId, String instanceUuid, Instant now) {
        jdbc.sql(
                        "INSERT INTO instance_group_members (group_id, instance_uuid, created_at) VALUES (:group, :uuid, :now)")
                .param("group", groupId)
                .param("uuid", instanceUuid)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Members whose instance is not deleted, in the order they joined. */
    public List<String> members(long groupId) {
        return jdbc.sql("SELECT m.instance_uuid FROM instance_group_members m JOIN instances i "
                        + "ON i.uuid = m.instance_uuid WHERE m.group_id = :group AND i.deleted_at IS NULL "
                        + "ORDER BY m.created_at, m.instance_uuid")
                .param("group", groupId)
                .query(String.class)
                .list();
    }

    /** The hosts the group's live members run on, other than the given instances. */
    public List<String> memberHosts(long groupId, Collection<String> excluding) {
        String exclude = excluding.isEmpty() ? "" : " AND i.uuid NOT IN (:excluding)";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT DISTINCT i.host FROM instance_group_members m "
                        + "JOIN instances i ON i.uuid = m.instance_uuid WHERE m.group_id = :group "
                        + "AND i.deleted_at IS NULL AND i.host IS NOT NULL" + exclude)
                .param("group", groupId);
        return (excluding.isEmpty() ? statement : statement.param("excluding", excluding))
                .query(String.class)
                .list();
    }

    private static ServerGroup map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new ServerGroup(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("name"),
                rs.getString("policy"),
                rs.getString("project_id"),
                rs.getString("user_id"),
                created == null ? null : created.toInstant());
    }
}
