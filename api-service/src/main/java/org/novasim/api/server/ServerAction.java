package org.novasim.api.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.novasim.api.web.ApiException;
import org.novasim.common.compute.RebootInstance;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /servers/{id}/action}: one key naming the action, with its arguments as the value:
 * {@code {"os-stop": null}}, {@code {"reboot": {"type": "SOFT"}}}, {@code {"resize": {"flavorRef": "2"}}} ...
 * The arguments are checked as Nova's JSON schemas check them, with its 400 messages.
 *
 * @param rebootType {@code SOFT} or {@code HARD} for a reboot, else null
 * @param args       the action's value (null or an object)
 */
record ServerAction(String name, String rebootType, JsonNode args) {

    static final String STOP = "os-stop";
    static final String START = "os-start";
    static final String REBOOT = "reboot";

    /** Actions whose value is null (or an object novasim does not read). */
    private static final Set<String> WITHOUT_ARGUMENTS = Set.of(
            STOP,
            START,
            "pause",
            "unpause",
            "suspend",
            "resume",
            "unrescue",
            "shelve",
            "shelveOffload",
            "unshelve",
            "confirmResize",
            "revertResize",
            "migrate",
            "unlock",
            "lock",
            "rescue");

    /** Actions with arguments novasim reads. */
    private static final Set<String> WITH_ARGUMENTS =
            Set.of("resize", "createImage", "rebuild", "changePassword", "os-getConsoleOutput", "os-resetState");

    /** A rebuild's arguments. */
    record Rebuild(String imageRef, String name, Map<String, String> metadata, String adminPass) {}

    static ServerAction parse(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ApiException.badRequest("Malformed request body");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.properties().iterator();
        Map.Entry<String, JsonNode> action = fields.next();
        String name = action.getKey();
        JsonNode value = action.getValue();
        if (REBOOT.equals(name)) {
            return new ServerAction(REBOOT, rebootType(value), value);
        }
        if (WITH_ARGUMENTS.contains(name)) {
            if (value == null || !value.isObject()) {
                throw invalid(name, value, value + " is not of type 'object'");
            }
            return new ServerAction(name, null, value);
        }
        if (WITHOUT_ARGUMENTS.contains(name)) {
            if (value != null && !value.isNull() && !value.isObject()) {
                throw invalid(name, value, value + " is not of type 'object', 'null'");
            }
            return new ServerAction(name, null, value);
        }
        throw ApiException.badRequest("There is no such action: " + name);
    }

    /** A required string argument, 1 to 255 characters. */
    String required(String field) {
        JsonNode node = args.get(field);
        if (node == null || node.isNull()) {
            throw invalid(name, args, "'" + field + "' is a required property");
        }
        String text = node.isString() || node.isNumber() ? node.asString() : null;
        if (text == null || text.isBlank() || text.length() > 255) {
            throw invalid(field, node, node + " is not a valid " + field);
        }
        return text;
    }

    /** An optional string argument, or null. */
    String optional(String field) {
        JsonNode node = args == null || args.isNull() ? null : args.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(field, node, node + " is not of type 'string'");
        }
        return node.asString();
    }

    /** An optional object of strings (metadata), or null. */
    Map<String, String> metadata() {
        JsonNode node = args.get("metadata");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("metadata", node, node + " is not of type 'object'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()
                    || entry.getKey().isEmpty()
                    || entry.getKey().length() > 255) {
                throw invalid("metadata", node, "metadata must map names to strings of at most 255 characters");
            }
            metadata.put(entry.getKey(), entry.getValue().asString());
        }
        return metadata;
    }

    Rebuild rebuild() {
        return new Rebuild(required("imageRef"), optional("name"), metadata(), optional("adminPass"));
    }

    /** os-getConsoleOutput's {@code length}: an integer or its digits, -1 or absent for all of the log. */
    Integer consoleLength() {
        JsonNode node = args.get("length");
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isNumber() || node.isString() ? node.asString() : "";
        if (!text.matches("-?[0-9]{1,9}") || Integer.parseInt(text) < -1) {
            throw invalid("length", node, node + " does not match '^-?[0-9]+$' or is less than the minimum of -1");
        }
        int length = Integer.parseInt(text);
        return length == -1 ? null : length;
    }

    /** os-resetState's {@code state}: active or error. */
    String resetState() {
        String state = required("state");
        if (!state.equals("active") && !state.equals("error")) {
            throw invalid("state", args.get("state"), "'" + state + "' is not one of ['active', 'error']");
        }
        return state;
    }

    private static ApiException invalid(String field, JsonNode value, String why) {
        return ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". " + why);
    }

    /** Nova's schema: {@code type} required, one of HARD, Hard, hard, SOFT, Soft, soft. */
    private static String rebootType(JsonNode reboot) {
        if (reboot == null || !reboot.isObject()) {
            throw invalid(REBOOT, reboot, reboot + " is not of type 'object'");
        }
        JsonNode type = reboot.get("type");
        if (type == null || type.isNull()) {
            throw invalid(REBOOT, reboot, "'type' is a required property");
        }
        String value = type.isString() ? type.asString() : "";
        if (!value.matches("HARD|Hard|hard|SOFT|Soft|soft")) {
            throw invalid("type", type, type + " is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
        }
        return value.toUpperCase(Locale.ROOT).equals(RebootInstance.HARD) ? RebootInstance.HARD : RebootInstance.SOFT;
    }
}
