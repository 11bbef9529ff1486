package org.novasim.api.identity;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Checks credentials and scope, and issues the token, as Keystone's auth/tokens controller does. */
@Service
public class Authenticator {

    private final Directory directory;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    public Authenticator(Directory directory, PasswordHasher hasher, TokenService tokens) {
        this.directory = directory;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /**
     * A token for the request; 401 for a wrong password, an unknown or disabled user, an invalid token, or a project
     * the user has no role on. Every refusal says the same, so a caller learns nothing about which part was wrong.
     */
    public TokenService.Issued authenticate(AuthRequest request) {
        Directory.User user = request.token() != null ? userOfToken(request.token()) : userOfPassword(request);
        Directory.Project project = scope(request, user).orElse(null);
        if (project != null && directory.effectiveRoles(user.id(), project.id()).isEmpty()) {
            throw KeystoneException.unauthorized();
        }
        return tokens.issue(user, project, request.methods());
    }

    private Directory.User userOfPassword(AuthRequest request) {
        Optional<Directory.User> user =
                request.userId() != null ? directory.user(request.userId()) : directory.userByName(request.userName());
        return user.filter(Directory.User::enabled)
                .filter(found -> hasher.matches(request.password(), found.passwordHash()))
                .orElseThrow(KeystoneException::unauthorized);
    }

    private Directory.User userOfToken(String token) {
        return tokens.validate(token)
                .flatMap(auth -> directory.user(auth.userId()))
                .orElseThrow(KeystoneException::unauthorized);
    }

    /** The project asked for; without a scope, the user's default project, as Keystone does. */
    private Optional<Directory.Project> scope(AuthRequest request, Directory.User user) {
        if (request.projectId() != null) {
            return Optional.of(directory
                    .project(request.projectId())
                    .filter(Directory.Project::enabled)
                    .orElseThrow(KeystoneException::unauthorized));
        }
        if (request.projectName() != null) {
            return Optional.of(directory
                    .projectByName(request.projectName())
                    .filter(Directory.Project::enabled)
                    .orElseThrow(KeystoneException::unauthorized));
        }
        return Optional.ofNullable(user.defaultProjectId())
                .flatMap(directory::project)
                .filter(project ->
                        !directory.effectiveRoles(user.id(), project.id()).isEmpty());
    }
}
