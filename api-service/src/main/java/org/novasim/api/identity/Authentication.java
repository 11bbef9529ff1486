package org.novasim.api.identity;

import java.time.Instant;
import java.util.List;

/** Who a valid token speaks for: the user, the project it is scoped to (if any), and the roles there. */
public record Authentication(
        String userId,
        String userName,
        String projectId,
        String projectName,
        List<Directory.Role> roles,
        List<String> methods,
        Instant issuedAt,
        Instant expiresAt) {

    public List<String> roleNames() {
        return roles.stream().map(Directory.Role::name).toList();
    }

    public boolean isScoped() {
        return projectId != null;
    }
}
