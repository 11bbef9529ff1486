package org.novasim.api.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the configured projects, users and role assignments to the database at start. Ids stay as they were
 * first created; a changed password or role in the configuration replaces the old one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);
    private static final List<String> STANDARD_ROLES = List.of("admin", "member", "reader");

    private final IdentityProperties properties;
    private final Directory directory;
    private final PasswordHasher hasher;

    IdentitySeeder(IdentityProperties properties, Directory directory, PasswordHasher hasher) {
        this.properties = properties;
        this.directory = directory;
        this.hasher = hasher;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Map<String, Directory.Role> roles = new HashMap<>();
        for (String name : STANDARD_ROLES) {
            roles.put(name, directory.ensureRole(newId(), name));
        }
        for (IdentityProperties.ProjectSeed seed : properties.projects()) {
            String id = directory
                    .projectByName(seed.name())
                    .map(Directory.Project::id)
                    .orElseGet(IdentitySeeder::newId);
            directory.saveProject(new Directory.Project(id, seed.name(), seed.description(), true));
        }
        for (IdentityProperties.UserSeed seed : properties.users()) {
            Directory.Project project = directory
                    .projectByName(seed.project())
                    .orElseThrow(() -> new IllegalStateException(
                            "user " + seed.name() + " names unknown project " + seed.project()));
            Directory.User existing = directory.userByName(seed.name()).orElse(null);
            String hash = existing != null && hasher.matches(seed.password(), existing.passwordHash())
                    ? existing.passwordHash()
                    : hasher.hash(seed.password());
            String id = existing != null ? existing.id() : newId();
            directory.saveUser(new Directory.User(id, seed.name(), hash, project.id(), seed.email(), true));
            List<Directory.Role> assigned = new ArrayList<>();
            for (String roleName : seed.roles()) {
                assigned.add(roles.computeIfAbsent(roleName, name -> directory.ensureRole(newId(), name)));
            }
            directory.setRoles(id, project.id(), assigned);
        }
        log.info(
                "identity: {} projects, {} users",
                directory.projects().size(),
                directory.users().size());
    }

    /** Keystone's ids: a UUID's 32 hex digits. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
