package org.novasim.api.identity;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks credentials and scope, and issues the token, as Keystone's auth/tokens controller does. A failed login
 * is logged with the user name it gave and where it came from (never the password), as Keystone logs
 * "Authorization failed", so that an operator sees password guessing.
 */
@Service
public class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private static final int LOGGED_NAME_LENGTH = 64;

    private final Directory directory;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    /** Checked against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private final String decoy;

    public Authenticator(Directory directory, PasswordHasher hasher, TokenService tokens) {
        this.directory = directory;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoy = hasher.hash("not the password of anyone");
    }

    /**
     * A token for the request; 401 for a wrong password, an unknown or disabled user, an invalid token, or a project
     * the user has no role on. Every refusal says the same, so a caller learns nothing about which part was wrong.
     * A token got with the token method (re-scoping) expires when the token it came from does, and is revoked
     * with it.
     *
     * @param source the client's address, for the log of failed logins
     */
    public TokenService.Issued authenticate(AuthRequest request, String source) {
        try {
            if (request.token() != null) {
                Authentication parent = tokens.validate(request.token()).orElseThrow(KeystoneException::unauthorized);
                Directory.User user = directory
                        .user(parent.userId())
                        .filter(Directory.User::enabled)
                        .orElseThrow(KeystoneException::unauthorized);
                return tokens.derive(request.token(), parent, user, scope(request, user), request.methods());
            }
            Directory.User user = userOfPassword(request);
            return tokens.issue(user, scope(request, user), request.methods());
        } catch (KeystoneException e) {
            log.warn(
                    "Authorization failed. {} (user {}) from {}",
                    e.getMessage(),
                    loggable(request.who()),
                    loggable(source));
            throw e;
        }
    }

    private Directory.User userOfPassword(AuthRequest request) {
        Optional<Directory.User> user = (request.userId() != null
                        ? directory.user(request.userId())
                        : directory.userByName(request.userName()))
                .filter(Directory.User::enabled);
        // The password is hashed either way: an unknown user must not answer faster than a wrong password.
        boolean matches = hasher.matches(
                request.password(), user.map(Directory.User::passwordHash).orElse(decoy));
        return user.filter(found -> matches).orElseThrow(KeystoneException::unauthorized);
    }

    /** The project asked for; without a scope, the user's default project, as Keystone does; none if "unscoped". */
    private Directory.Project scope(AuthRequest request, Directory.User user) {
        Optional<Directory.Project> project;
        if (request.projectId() != null) {
            project = Optional.of(directory
                    .project(request.projectId())
                    .filter(Directory.Project::enabled)
                    .orElseThrow(KeystoneException::unauthorized));
        } else if (request.projectName() != null) {
            project = Optional.of(directory
                    .projectByName(request.projectName())
                    .filter(Directory.Project::enabled)
                    .orElseThrow(KeystoneException::unauthorized));
        } else if (request.unscoped()) {
            return null;
        } else {
            return Optional.ofNullable(user.defaultProjectId())
                    .flatMap(directory::project)
                    .filter(found -> found.enabled() && hasRoleOn(user, found))
                    .orElse(null);
        }
        if (!hasRoleOn(user, project.get())) {
            throw KeystoneException.unauthorized();
        }
        return project.get();
    }

    private boolean hasRoleOn(Directory.User user, Directory.Project project) {
        return !directory.effectiveRoles(user.id(), project.id()).isEmpty();
    }

    /** A client-chosen text for a log line: no line breaks or control characters, and not too long. */
    private static String loggable(String text) {
        if (text == null) {
            return "-";
        }
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(LOGGED_NAME_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + clean + (text.length() > LOGGED_NAME_LENGTH ? "...'" : "'");
    }
}
