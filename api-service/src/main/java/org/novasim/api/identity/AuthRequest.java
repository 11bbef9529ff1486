package org.novasim.api.identity;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v3/auth/tokens}: who (a user by id or by name in a domain, with a password, or an
 * existing token) and the scope asked for (a project by id or by name, {@code "unscoped"}, or none for the user's
 * default project). Every field is checked for its type and length before anything is looked up.
 */
record AuthRequest(
        List<String> methods,
        String userId,
        String userName,
        String password,
        String token,
        String projectId,
        String projectName,
        boolean unscoped) {

    static final String PASSWORD = "password";
    static final String TOKEN = "token";
    /** Keystone's max_password_length. */
    private static final int MAX_PASSWORD = 4096;

    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 255;

    static AuthRequest parse(JsonNode body) {
        JsonNode identity = body == null ? null : body.path("auth").get("identity");
        if (identity == null || !identity.isObject()) {
            throw KeystoneException.badRequest("Expecting to find identity in auth - the server could not comply "
                    + "with the request since it is either malformed or otherwise incorrect.");
        }
        List<String> methods = methods(identity.get("methods"));
        String userId = null;
        String userName = null;
        String password = null;
        String token = null;
        if (methods.contains(PASSWORD)) {
            JsonNode user = identity.path(PASSWORD).path("user");
            userId = text(user, "id", MAX_ID, "password.user.id");
            userName = text(user, "name", MAX_NAME, "password.user.name");
            password = text(user, "password", MAX_PASSWORD, "password.user.password");
            if ((userId == null && userName == null) || password == null) {
                throw KeystoneException.badRequest("Expecting to find user id or name, and password, in password.");
            }
        } else {
            token = text(identity.path(TOKEN), "id", MAX_NAME, "token.id");
            if (token == null) {
                throw KeystoneException.badRequest("Expecting to find id in token.");
            }
        }
        JsonNode scope = body.path("auth").path("scope");
        boolean unscoped = scope.isString() && scope.asString().equals("unscoped");
        if (!scope.isMissingNode() && !scope.isNull() && !scope.isObject() && !unscoped) {
            throw KeystoneException.badRequest("Invalid input for field 'scope': it must be an object or 'unscoped'.");
        }
        JsonNode project = scope.path("project");
        return new AuthRequest(
                methods,
                userId,
                userName,
                password,
                token,
                text(project, "id", MAX_ID, "scope.project.id"),
                text(project, "name", MAX_NAME, "scope.project.name"),
                unscoped);
    }

    /** The methods, each a string; only password and token exist here, anything else is refused as Keystone does. */
    private static List<String> methods(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw KeystoneException.badRequest("Expecting to find methods in identity.");
        }
        List<String> methods = new ArrayList<>();
        for (JsonNode method : node) {
            if (!method.isString()) {
                throw KeystoneException.badRequest(
                        "Invalid input for field 'identity.methods': each method must be " + "a string.");
            }
            if (!method.asString().equals(PASSWORD) && !method.asString().equals(TOKEN)) {
                throw KeystoneException.unauthorized();
            }
            if (!methods.contains(method.asString())) {
                methods.add(method.asString());
            }
        }
        return List.copyOf(methods);
    }

    /** The user as named in the request, for the log of failed logins. */
    String who() {
        return userName != null ? userName : userId != null ? "id " + userId : "a token";
    }

    private static String text(JsonNode node, String field, int maxLength, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw KeystoneException.badRequest("Invalid input for field '" + path + "': it must be a string.");
        }
        if (value.asString().length() > maxLength) {
            throw KeystoneException.badRequest(
                    "Invalid input for field '" + path + "': it is longer than " + maxLength + " characters.");
        }
        return value.asString();
    }
}
