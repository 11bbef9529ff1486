package org.novasim.api.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues, validates and revokes tokens. A token is 32 random bytes; the database keeps only its SHA-256, with
 * the user, project and expiry.
 *
 * <p>A validated token is remembered for {@code token-cache-time} (or until it expires, if sooner), as Nova's
 * keystonemiddleware caches the tokens it validated: every API request carries one, and reading it, its user,
 * project and roles from the database was a tenth of api-service's CPU under launch load. A revocation through
 * this process takes effect at once; one through another API process within the cache time, as with Nova.
 */
@Service
public class TokenService {

    public record Issued(String token, Authentication authentication) {}

    private record Stored(String userId, String projectId, List<String> methods, Instant issuedAt, Instant expiresAt) {

        Stored(String userId, String projectId, String methods, Instant issuedAt, Instant expiresAt) {
            this(userId, projectId, List.of(methods.split(",")), issuedAt, expiresAt);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Authentication> validated;

    public TokenService(JdbcClient jdbc, Directory directory, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .expireAfterWrite(properties.tokenCacheTime())
                .maximumSize(properties.tokenCacheSize())
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    /** A token for the user, scoped to the project when one is given (the caller checked the user may). */
    public Issued issue(Directory.User user, Directory.Project project, List<String> methods) {
        Instant issued = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return insert(user, project, methods, issued, issued.plus(properties.tokenTtl()), null);
    }

    /**
     * A token got with another one (Keystone's token method, e.g. to re-scope): it expires when its parent does,
     * so a token cannot be made to live for ever by renewing it, and revoking the parent revokes it too.
     */
    public Issued derive(
            String parentToken,
            Authentication parent,
            Directory.User user,
            Directory.Project project,
            List<String> methods) {
        Instant issued = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return insert(user, project, methods, issued, parent.expiresAt(), hash(parentToken));
    }

    private Issued insert(
            Directory.User user,
            Directory.Project project,
            List<String> methods,
            Instant issued,
            Instant expires,
            String parentHash) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "gAAAAA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO tokens (id_hash, user_id, project_id, methods, issued_at, expires_at, parent_hash) "
                        + "VALUES (:hash, :user, :project, :methods, :issued, :expires, :parent)")
                .param("hash", hash(token))
                .param("user", user.id())
                .param("project", project == null ? null : project.id())
                .param("methods", String.join(",", methods))
                .param("issued", issued.atOffset(ZoneOffset.UTC))
                .param("expires", expires.atOffset(ZoneOffset.UTC))
                .param("parent", parentHash)
                .update();
        return new Issued(token, authentication(user, project, methods, issued, expires));
    }

    /** Who the token speaks for, if it is known, not expired, not revoked, and its user and project are enabled. */
    public Optional<Authentication> validate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Authentication known = validated.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known).filter(auth -> clock.instant().isBefore(auth.expiresAt()));
        }
        Optional<Authentication> found = jdbc.sql(
                        "SELECT user_id, project_id, methods, issued_at, expires_at FROM tokens "
                                + "WHERE id_hash = :hash AND revoked = FALSE")
                .param("hash", hash)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional()
                .filter(stored -> clock.instant().isBefore(stored.expiresAt()))
                .flatMap(this::authenticate);
        found.ifPresent(auth -> validated.put(hash, auth));
        return found;
    }

    private Optional<Authentication> authenticate(Stored stored) {
        Optional<Directory.User> user = directory.user(stored.userId()).filter(Directory.User::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (stored.projectId() == null) {
            return Optional.of(
                    authentication(user.get(), null, stored.methods(), stored.issuedAt(), stored.expiresAt()));
        }
        return directory
                .project(stored.projectId())
                .filter(Directory.Project::enabled)
                .map(project ->
                        authentication(user.get(), project, stored.methods(), stored.issuedAt(), stored.expiresAt()))
                // A user who lost every role on the project has lost the token too.
                .filter(auth -> !auth.roles().isEmpty());
    }

    /** Revokes the token and every token derived from it, however indirectly; false if it was not valid. */
    @Transactional
    public boolean revoke(String token) {
        String hash = hash(token);
        boolean revoked = jdbc.sql("UPDATE tokens SET revoked = TRUE WHERE id_hash = :hash AND revoked = FALSE")
                        .param("hash", hash)
                        .update()
                == 1;
        List<String> all = new ArrayList<>(List.of(hash));
        List<String> generation = all;
        while (!generation.isEmpty()) {
            generation = jdbc.sql("SELECT id_hash FROM tokens WHERE parent_hash IN (:parents) AND revoked = FALSE")
                    .param("parents", generation)
                    .query(String.class)
                    .list();
            if (!generation.isEmpty()) {
                jdbc.sql("UPDATE tokens SET revoked = TRUE WHERE id_hash IN (:hashes)")
                        .param("hashes", generation)
                        .update();
                all.addAll(generation);
            }
        }
        forgetOnceCommitted(all);
        return revoked;
    }

    /** Out of the cache now, and again after the commit, so no validation in between puts one back. */
    private void forgetOnceCommitted(List<String> hashes) {
        validated.invalidateAll(hashes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    validated.invalidateAll(hashes);
                }
            });
        }
    }

    /** Expired tokens are of no use to anyone; a periodic task removes them. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM tokens WHERE expires_at < :now")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private Authentication authentication(
            Directory.User user, Directory.Project project, List<String> methods, Instant issued, Instant expires) {
        List<Directory.Role> roles = project == null ? List.of() : directory.effectiveRoles(user.id(), project.id());
        return new Authentication(
                user.id(),
                user.name(),
                project == null ? null : project.id(),
                project == null ? null : project.name(),
                roles,
                methods,
                issued,
                expires);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
