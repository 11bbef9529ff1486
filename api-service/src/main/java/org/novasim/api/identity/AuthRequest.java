package org.novasim.api.identity;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v3/auth/tokens}: who (a user by id or by name in a domain, with a password, or an
 * existing token) and the scope asked for (a project by id or by name, or none).
 */
record AuthRequest(
        List<String> methods,
        String userId,
        String userName,
        String password,
        String token,
        String projectId,
        String projectName) {

    static AuthRequest parse(JsonNode body) {
        JsonNode identity = body == null ? null : body.path("auth").get("identity");
        if (identity == null || !identity.isObject()) {
            throw KeystoneException.badRequest("Expecting to find identity in auth - the server could not comply "
                    + "with the request since it is either malformed or otherwise incorrect.");
        }
        List<String> methods = new ArrayList<>();
        identity.path("methods").forEach(method -> methods.add(method.asString()));
        if (methods.isEmpty()) {
            throw KeystoneException.badRequest("Expecting to find methods in identity.");
        }
        String userId = null;
        String userName = null;
        String password = null;
        String token = null;
        if (methods.contains("password")) {
            JsonNode user = identity.path("password").path("user");
            userId = text(user, "id");
            userName = text(user, "name");
            password = text(user, "password");
            if ((userId == null && userName == null) || password == null) {
                throw KeystoneException.badRequest("Expecting to find user id or name, and password, in password.");
            }
        } else if (methods.contains("token")) {
            token = text(identity.path("token"), "id");
            if (token == null) {
                throw KeystoneException.badRequest("Expecting to find id in token.");
            }
        } else {
            throw KeystoneException.unauthorized();
        }
        JsonNode project = body.path("auth").path("scope").path("project");
        return new AuthRequest(
                List.copyOf(methods), userId, userName, password, token, text(project, "id"), text(project, "name"));
    }

    boolean asksForProject() {
        return projectId != null || projectName != null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
