package org.novasim.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Identity resources as Keystone v3 shows them. */
final class KeystoneViews {

    static final Map<String, String> DEFAULT_DOMAIN = Map.of("id", "default", "name", "Default");
    /** Keystone writes times with microseconds: {@code 2026-11-25T21:00:00.000000Z}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private KeystoneViews() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Keystone's audit id identifies a token without revealing it: 22 URL-safe characters, stable per token. */
    static String auditId(Authentication auth) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((auth.userId() + "|" + auth.issuedAt()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static Map<String, Object> version(String base) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", "v3.14");
        version.put("status", "stable");
        version.put("updated", "2020-04-07T00:00:00Z");
        version.put("links", List.of(Map.of("rel", "self", "href", base + "/identity/v3/")));
        version.put(
                "media-types",
                List.of(Map.of("base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
        return version;
    }

    static Map<String, Object> token(Authentication auth, List<Map<String, Object>> catalog) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("domain", DEFAULT_DOMAIN);
        user.put("id", auth.userId());
        user.put("name", auth.userName());
        user.put("password_expires_at", null);
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("methods", auth.methods());
        token.put("user", user);
        token.put("audit_ids", List.of(auditId(auth)));
        token.put("expires_at", time(auth.expiresAt()));
        token.put("issued_at", time(auth.issuedAt()));
        if (auth.isScoped()) {
            token.put("project", Map.of("domain", DEFAULT_DOMAIN, "id", auth.projectId(), "name", auth.projectName()));
            token.put("is_domain", false);
            token.put(
                    "roles",
                    auth.roles().stream()
                            .map(role -> Map.of("id", role.id(), "name", role.name()))
                            .toList());
            token.put("catalog", catalog);
        }
        return Map.of("token", token);
    }

    static Map<String, Object> project(Directory.Project project, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", project.id());
        view.put("name", project.name());
        view.put("domain_id", "default");
        view.put("description", project.description() == null ? "" : project.description());
        view.put("enabled", project.enabled());
        view.put("parent_id", "default");
        view.put("is_domain", false);
        view.put("tags", List.of());
        view.put("options", Map.of());
        view.put("links", Map.of("self", base + "/identity/v3/projects/" + project.id()));
        return view;
    }

    static Map<String, Object> user(Directory.User user, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id());
        view.put("name", user.name());
        view.put("domain_id", "default");
        view.put("enabled", user.enabled());
        view.put("default_project_id", user.defaultProjectId());
        if (user.email() != null) {
            view.put("email", user.email());
        }
        view.put("password_expires_at", null);
        view.put("options", Map.of());
        view.put("links", Map.of("self", base + "/identity/v3/users/" + user.id()));
        return view;
    }

    static Map<String, Object> role(Directory.Role role, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", role.id());
        view.put("name", role.name());
        view.put("domain_id", null);
        view.put("description", null);
        view.put("options", Map.of());
        view.put("links", Map.of("self", base + "/identity/v3/roles/" + role.id()));
        return view;
    }

    static Map<String, Object> assignment(
            Directory.Assignment assignment, Directory directory, boolean names, String base) {
        Map<String, Object> role =
                new LinkedHashMap<>(Map.of("id", assignment.role().id()));
        Map<String, Object> user = new LinkedHashMap<>(Map.of("id", assignment.userId()));
        Map<String, Object> project = new LinkedHashMap<>(Map.of("id", assignment.projectId()));
        if (names) {
            role.put("name", assignment.role().name());
            directory.user(assignment.userId()).ifPresent(u -> {
                user.put("name", u.name());
                user.put("domain", DEFAULT_DOMAIN);
            });
            directory.project(assignment.projectId()).ifPresent(p -> {
                project.put("name", p.name());
                project.put("domain", DEFAULT_DOMAIN);
            });
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", role);
        view.put("user", user);
        view.put("scope", Map.of("project", project));
        view.put(
                "links",
                Map.of(
                        "assignment",
                        base + "/identity/v3/projects/" + assignment.projectId() + "/users/" + assignment.userId()
                                + "/roles/" + assignment.role().id()));
        return view;
    }

    static Map<String, Object> listLinks(String self) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("previous", null);
        links.put("next", null);
        return links;
    }
}
