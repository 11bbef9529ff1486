package org.novasim.api.network.neutron;

import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a Neutron create, {@code {"<resource>": {...}}}, read field by field so that every mistake is a 400
 * naming the attribute, in Neutron's words. The body arrives as bytes and is parsed here, so malformed JSON is
 * Neutron's 400 rather than a framework error, and a client that sends no or another Content-Type still works.
 *
 * <p>Attributes this API does not know are ignored (clients and tools send extensions such as
 * {@code port_security_enabled}); the few whose meaning novasim cannot honour are refused by
 * {@link #refuseUnsupported}, so a client is never told "done" for something that was silently dropped.
 */
final class NeutronBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode attributes;

    private NeutronBody(JsonNode attributes) {
        this.attributes = attributes;
    }

    static NeutronBody parse(byte[] body, String resource) {
        if (body == null || body.length == 0) {
            throw NeutronException.badRequest("Resource body required");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw NeutronException.malformedBody();
        }
        JsonNode attributes = root == null ? null : root.get(resource);
        if (attributes == null || !attributes.isObject()) {
            throw NeutronException.badRequest("Unable to find '" + resource + "' in request body");
        }
        return new NeutronBody(attributes);
    }

    /** The attributes given, e.g. to refuse those that are not known. */
    List<String> attributeNames() {
        return attributes.propertyNames().stream().toList();
    }

    boolean has(String attribute) {
        return attributes.has(attribute);
    }

    /** Present with the value JSON null (Neutron's "gateway_ip": null means "no gateway"). */
    boolean isNull(String attribute) {
        return attributes.has(attribute) && attributes.get(attribute).isNull();
    }

    JsonNode node(String attribute) {
        JsonNode value = attributes.get(attribute);
        return value == null || value.isNull() ? null : value;
    }

    /** A string attribute, null when absent or null. */
    String string(String attribute) {
        JsonNode value = node(attribute);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw NeutronException.invalidAttribute(attribute, "'" + value + "' is not a valid string");
        }
        return value.asString();
    }

    String requiredString(String attribute) {
        String value = string(attribute);
        if (value == null) {
            throw NeutronException.badRequest(
                    "Failed to parse request. Required attribute '" + attribute + "' not specified");
        }
        return value;
    }

    /** A boolean as Neutron's convert_to_boolean takes it: true/false, 1/0, or those as strings. */
    Boolean bool(String attribute) {
        JsonNode value = node(attribute);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        Boolean parsed = value.isIntegralNumber() || value.isString() ? parseBoolean(value.asString()) : null;
        if (parsed == null) {
            throw NeutronException.invalidAttribute(attribute, "'" + value + "' cannot be converted to boolean");
        }
        return parsed;
    }

    /** An integer, or a string of one (Neutron's convert_to_int). */
    Integer integer(String attribute) {
        JsonNode value = node(attribute);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString() && value.asString().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(value.asString());
        }
        throw NeutronException.invalidAttribute(attribute, "'" + value + "' is not an integer");
    }

    /** project_id, or its old name tenant_id; both must agree when both are given. */
    String projectId() {
        String project = string("project_id");
        String tenant = string("tenant_id");
        if (project != null && tenant != null && !project.equals(tenant)) {
            throw NeutronException.badRequest("'project_id' and 'tenant_id' do not match");
        }
        return project != null ? project : tenant;
    }

    /** Refuses attributes novasim cannot honour when they carry a value (empty lists and nulls are harmless). */
    void refuseUnsupported(String resource, String... unsupported) {
        for (String attribute : unsupported) {
            JsonNode value = node(attribute);
            boolean empty = value == null
                    || (value.isArray() && value.isEmpty())
                    || (value.isString() && value.asString().isEmpty());
            if (!empty) {
                throw NeutronException.badRequest(
                        "Attribute '" + attribute + "' of " + resource + " is not supported by novasim");
            }
        }
    }

    static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
