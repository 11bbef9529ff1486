package org.novasim.systemtest.hostile;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a refusal is in the error format of the API it came from, as that API's clients parse it: Nova's
 * {@code {"<fault>": {"code", "message"}}}, Keystone's {@code {"error": {"code", "message", "title"}}}, Neutron's
 * {@code {"NeutronError": {"type", "message", "detail"}}}, Glance's text page. A 401 is keystonemiddleware's, in
 * Keystone's format, whichever API was asked.
 */
final class ErrorFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorFormat() {}

    /** What is wrong with the refusal's format; empty when it is right. */
    static Optional<String> check(String api, RawHttp.Response response) {
        int status = response.status();
        if (api.equals("image")) {
            String text = response.text();
            return text.startsWith(status + " ")
                            || (status == 401 && keystone(response, status).isEmpty())
                    ? Optional.empty()
                    : Optional.of("not Glance's text error: " + cut(text));
        }
        if (status == 401 && keystone(response, status).isEmpty()) {
            return Optional.empty();
        }
        return switch (api) {
            case "identity" -> keystone(response, status);
            case "network" -> neutron(response);
            default -> nova(response, status);
        };
    }

    private static Optional<String> nova(RawHttp.Response response, int status) {
        JsonNode body = json(response);
        if (body == null || !body.isObject() || body.size() != 1) {
            return Optional.of("not Nova's error: " + cut(response.text()));
        }
        JsonNode fault = body.values().iterator().next();
        if (!fault.isObject()
                || !fault.path("message").isString()
                || fault.path("code").asInt() != status) {
            return Optional.of("not Nova's error: " + cut(response.text()));
        }
        return Optional.empty();
    }

    private static Optional<String> keystone(RawHttp.Response response, int status) {
        JsonNode error = json(response) == null ? null : json(response).get("error");
        if (error == null
                || error.path("code").asInt() != status
                || !error.path("message").isString()
                || !error.path("title").isString()) {
            return Optional.of("not Keystone's error: " + cut(response.text()));
        }
        return Optional.empty();
    }

    private static Optional<String> neutron(RawHttp.Response response) {
        JsonNode error = json(response) == null ? null : json(response).get("NeutronError");
        if (error == null
                || !error.path("type").isString()
                || !error.path("message").isString()
                || !error.has("detail")) {
            return Optional.of("not Neutron's error: " + cut(response.text()));
        }
        return Optional.empty();
    }

    private static JsonNode json(RawHttp.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
