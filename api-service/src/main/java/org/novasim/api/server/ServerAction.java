package org.novasim.api.server;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.common.compute.RebootInstance;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /servers/{id}/action}: one key naming the action, with its arguments as the value:
 * {@code {"os-stop": null}}, {@code {"os-start": null}}, {@code {"reboot": {"type": "SOFT"}}}.
 *
 * @param rebootType {@code SOFT} or {@code HARD} for a reboot, else null
 */
record ServerAction(String name, String rebootType) {

    static final String STOP = "os-stop";
    static final String START = "os-start";
    static final String REBOOT = "reboot";

    static ServerAction parse(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ApiException.badRequest("Malformed request body");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.properties().iterator();
        Map.Entry<String, JsonNode> action = fields.next();
        return switch (action.getKey()) {
            case STOP, START -> new ServerAction(action.getKey(), null);
            case REBOOT -> new ServerAction(REBOOT, rebootType(action.getValue()));
            default -> throw ApiException.badRequest("There is no such action: " + action.getKey());
        };
    }

    /** Nova's schema: {@code type} required, one of HARD, Hard, hard, SOFT, Soft, soft. */
    private static String rebootType(JsonNode reboot) {
        if (reboot == null || !reboot.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute reboot. Value: " + reboot + ". " + reboot
                    + " is not of type 'object'");
        }
        JsonNode type = reboot.get("type");
        if (type == null || type.isNull()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute reboot. Value: " + reboot + ". 'type' is a required property");
        }
        String value = type.isString() ? type.asString() : "";
        if (!value.matches("HARD|Hard|hard|SOFT|Soft|soft")) {
            throw ApiException.badRequest("Invalid input for field/attribute type. Value: " + type + ". " + type
                    + " is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
        }
        return value.toUpperCase(Locale.ROOT).equals(RebootInstance.HARD) ? RebootInstance.HARD : RebootInstance.SOFT;
    }
}
