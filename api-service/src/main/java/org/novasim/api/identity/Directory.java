package org.novasim.api.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects, users, roles and who has which role where. */
@Repository
public class Directory {

    public record Project(String id, String name, String description, boolean enabled) {}

    public record User(
            String id, String name, String passwordHash, String defaultProjectId, String email, boolean enabled) {}

    public record Role(String id, String name) {}

    public record Assignment(String userId, String projectId, Role role) {}

    /**
     * Keystone's default role implications: admin implies member, member implies reader. A token carries the
     * roles assigned and those they imply.
     */
    private static final List<List<String>> IMPLIED = List.of(List.of("admin", "member"), List.of("member", "reader"));

    private final JdbcClient jdbc;

    public Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> userByName(String name) {
        return jdbc.sql("SELECT * FROM users WHERE name = :name")
                .param("name", name)
                .query(this::mapUser)
                .optional();
    }

    public Optional<User> user(String id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id")
                .param("id", id)
                .query(this::mapUser)
                .optional();
    }

    public List<User> users() {
        return jdbc.sql("SELECT * FROM users ORDER BY name")
                .query(this::mapUser)
                .list();
    }

    public Optional<Project> projectByName(String name) {
        return jdbc.sql("SELECT * FROM projects WHERE name = :name")
                .param("name", name)
                .query(this::mapProject)
                .optional();
    }

    public Optional<Project> project(String id) {
        return jdbc.sql("SELECT * FROM projects WHERE id = :id")
                .param("id", id)
                .query(this::mapProject)
                .optional();
    }

    public List<Project> projects() {
        return jdbc.sql("SELECT * FROM projects ORDER BY name")
                .query(this::mapProject)
                .list();
    }

    public Optional<Role> role(String id) {
        return jdbc.sql("SELECT id, name FROM roles WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Role(rs.getString("id"), rs.getString("name")))
                .optional();
    }

    public List<Role> roles() {
        return jdbc.sql("SELECT id, name FROM roles ORDER BY name")
                .query((rs, n) -> new Role(rs.getString("id"), rs.getString("name")))
                .list();
    }

    public List<Assignment> assignments() {
        return jdbc.sql("SELECT a.user_id, a.project_id, r.id, r.name FROM role_assignments a "
                        + "JOIN roles r ON r.id = a.role_id ORDER BY a.user_id, a.project_id, r.name")
                .query((rs, n) ->
                        new Assignment(rs.getString(1), rs.getString(2), new Role(rs.getString(3), rs.getString(4))))
                .list();
    }

    /** The roles of the user on the project, with the roles they imply; empty when the user has none there. */
    public List<Role> effectiveRoles(String userId, String projectId) {
        List<Role> assigned = jdbc.sql("SELECT r.id, r.name FROM role_assignments a JOIN roles r ON r.id = a.role_id "
                        + "WHERE a.user_id = :user AND a.project_id = :project ORDER BY r.name")
                .param("user", userId)
                .param("project", projectId)
                .query((rs, n) -> new Role(rs.getString(1), rs.getString(2)))
                .list();
        if (assigned.isEmpty()) {
            return assigned;
        }
        Set<String> names = new LinkedHashSet<>();
        assigned.forEach(role -> names.add(role.name()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (List<String> implication : IMPLIED) {
                if (names.contains(implication.get(0))) {
                    grew |= names.add(implication.get(1));
                }
            }
        }
        List<Role> all = new ArrayList<>();
        for (Role role : roles()) {
            if (names.contains(role.name())) {
                all.add(role);
            }
        }
        return all;
    }

    void saveProject(Project project) {
        int updated = jdbc.sql("UPDATE projects SET description = :description WHERE id = :id")
                .param("description", project.description())
                .param("id", project.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO projects (id, name, description, enabled, created_at) "
                            + "VALUES (:id, :name, :description, :enabled, :now)")
                    .param("id", project.id())
                    .param("name", project.name())
                    .param("description", project.description())
                    .param("enabled", project.enabled())
                    .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    void saveUser(User user) {
        int updated = jdbc.sql("UPDATE users SET password_hash = :hash, default_project_id = :project, email = :email "
                        + "WHERE id = :id")
                .param("hash", user.passwordHash())
                .param("project", user.defaultProjectId())
                .param("email", user.email())
                .param("id", user.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO users (id, name, password_hash, default_project_id, email, enabled, created_at) "
                            + "VALUES (:id, :name, :hash, :project, :email, :enabled, :now)")
                    .param("id", user.id())
                    .param("name", user.name())
                    .param("hash", user.passwordHash())
                    .param("project", user.defaultProjectId())
                    .param("email", user.email())
                    .param("enabled", user.enabled())
                    .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    Role ensureRole(String id, String name) {
        return roles().stream()
                .filter(role -> role.name().equals(name))
                .findFirst()
                .orElseGet(() -> {
                    jdbc.sql("INSERT INTO roles (id, name) VALUES (:id, :name)")
                            .param("id", id)
                            .param("name", name)
                            .update();
                    return new Role(id, name);
                });
    }

    /** Makes the user's roles on the project exactly these. */
    void setRoles(String userId, String projectId, List<Role> roles) {
        jdbc.sql("DELETE FROM role_assignments WHERE user_id = :user AND project_id = :project")
                .param("user", userId)
                .param("project", projectId)
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignments (user_id, project_id, role_id) VALUES (:user, :project, :role)")
                    .param("user", userId)
                    .param("project", projectId)
                    .param("role", role.id())
                    .update();
        }
    }

    private User mapUser(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("password_hash"),
                rs.getString("default_project_id"),
                rs.getString("email"),
                rs.getBoolean("enabled"));
    }

    private Project mapProject(ResultSet rs, int row) throws SQLException {
        return new Project(
                rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("enabled"));
    }
}
