package org.novasim.api.servergroup;

import java.util.regex.Pattern;
import org.novasim.api.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler hints of a server create, {@code "os:scheduler_hints"} beside {@code "server"} in the body (or
 * the older {@code "OS-SCH-HNT:scheduler_hints"}). novasim acts on {@code group}; other hints are accepted and
 * ignored, as Nova ignores hints no enabled filter reads.
 */
public final class SchedulerHints {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    private SchedulerHints() {}

    /** The server group the new servers join, or null. */
    public static String group(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode hints = body.has("os:scheduler_hints")
                ? body.get("os:scheduler_hints")
                : body.get("OS-SCH-HNT:scheduler_hints");
        if (hints == null || hints.isNull()) {
            return null;
        }
        if (!hints.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute os:scheduler_hints. Value: " + hints + ". "
                    + hints + " is not of type 'object'");
        }
        JsonNode group = hints.get("group");
        if (group == null || group.isNull()) {
            return null;
        }
        // Some clients send every hint as a list of one.
        if (group.isArray() && group.size() == 1) {
            group = group.get(0);
        }
        if (!group.isString() || !UUID.matcher(group.asString()).matches()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute group. Value: " + group + ". " + group + " is not a 'uuid'");
        }
        return group.asString();
    }
}
