package org.novasim.api.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.novasim.api.servergroup.SchedulerHints;
import org.novasim.api.web.ApiException;
import org.novasim.common.network.RequestedNetwork;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /servers}, read and checked field by field so that every mistake gets Nova's kind of
 * answer: 400 with the field named, never a stack trace.
 */
public record CreateServerRequest(
        String name,
        String flavorRef,
        String imageRef,
        List<RequestedNetwork> networks,
        int minCount,
        int maxCount,
        String availabilityZone,
        String keyName,
        Map<String, String> metadata,
        String userData,
        boolean returnReservationId,
        String serverGroup) {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    public static CreateServerRequest parse(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("server")) {
            throw ApiException.badRequest("Invalid input for field/attribute server. 'server' is a required property");
        }
        JsonNode server = body.get("server");
        if (!server.isObject()) {
            throw invalid("server", server, "must be an object");
        }
        String name = ServerName.check("name", requiredString(server, "name"));
        String flavorRef = lastPathSegment(requiredScalar(server, "flavorRef"));
        String imageRef = lastPathSegment(requiredString(server, "imageRef"));
        int minCount = count(server, "min_count");
        int maxCount = server.has("max_count") ? count(server, "max_count") : minCount;
        if (minCount > maxCount) {
            throw ApiException.badRequest("min_count must be <= max_count");
        }
        String zone = bounded(server, "availability_zone");
        String keyName = bounded(server, "key_name");
        Map<String, String> metadata = Metadata.parse(server.get("metadata"), "metadata");
        String userData = userData(optionalString(server, "user_data"));
        boolean reservationId = server.has("return_reservation_id")
                && server.get("return_reservation_id").asBoolean(false);
        return new CreateServerRequest(
                name,
                flavorRef,
                imageRef,
                networks(server.get("networks")),
                minCount,
                maxCount,
                zone,
                keyName,
                metadata,
                userData,
                reservationId,
                SchedulerHints.group(body));
    }

    /** user_data must be base64, at most 65535 characters, as Nova checks it. */
    private static String userData(String userData) {
        if (userData == null) {
            return null;
        }
        if (userData.length() > 65535) {
            throw ApiException.badRequest("Invalid input for field/attribute user_data. Value is longer than 65535");
        }
        try {
            Base64.getMimeDecoder().decode(userData);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("User data needs to be valid base 64.");
        }
        return userData;
    }

    /**
     * {@code "auto"}, {@code "none"}, or a list of {@code {"uuid"}}, {@code {"uuid", "fixed_ip"}} or
     * {@code {"port"}}. Absent means auto, as Nova with Neutron does.
     */
    private static List<RequestedNetwork> networks(JsonNode networks) {
        if (networks == null || networks.isNull()) {
            return List.of(RequestedNetwork.auto());
        }
        if (networks.isString()) {
            return switch (networks.asString()) {
                case RequestedNetwork.AUTO -> List.of(RequestedNetwork.auto());
                case RequestedNetwork.NONE -> List.of(RequestedNetwork.none());
                default -> throw invalid("networks", networks, "must be 'auto', 'none' or a list of networks");
            };
        }
        if (!networks.isArray()) {
            throw invalid("networks", networks, "must be 'auto', 'none' or a list of networks");
        }
        List<RequestedNetwork> requested = new ArrayList<>();
        for (JsonNode network : networks) {
            if (!network.isObject()) {
                throw ApiException.badRequest("Bad networks format");
            }
            String uuid = optionalString(network, "uuid");
            String port = optionalString(network, "port");
            String fixedIp = optionalString(network, "fixed_ip");
            if (uuid == null && port == null) {
                throw ApiException.badRequest("Bad networks format: a network needs a uuid or a port");
            }
            if (uuid != null && !UUID_PATTERN.matcher(uuid).matches()) {
                throw ApiException.badRequest(
                        "Bad networks format: network uuid is not in proper format (" + uuid + ")");
            }
            if (port != null && !UUID_PATTERN.matcher(port).matches()) {
                throw invalid("port", network.get("port"), "is not a 'uuid'");
            }
            if (fixedIp != null && !isIpAddress(fixedIp)) {
                throw ApiException.badRequest("Invalid fixed IP address (" + fixedIp + ")");
            }
            requested.add(new RequestedNetwork(uuid, fixedIp, port));
        }
        return requested;
    }

    private static boolean isIpAddress(String text) {
        if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(".") || text.contains(":"))) {
            return false;
        }
        try {
            // Literal addresses only (the pattern above rules out host names, so no lookup happens).
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String requiredString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute server. '" + field + "' is a required property");
        }
        if (!value.isString()) {
            throw invalid(field, value, "is not of type 'string'");
        }
        return value.asString();
    }

    /** flavorRef may be a string or an integer. */
    private static String requiredScalar(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isIntegralNumber()) {
            return value.asString();
        }
        String text = requiredString(object, field);
        if (text.isBlank()) {
            throw invalid(field, value, "must not be empty");
        }
        return text;
    }

    private static String optionalString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, value, "is not of type 'string'");
        }
        return value.asString();
    }

    /** An optional string of 1 to 255 characters (an availability zone, a key pair name). */
    private static String bounded(JsonNode object, String field) {
        String value = optionalString(object, field);
        if (value != null && (value.isEmpty() || value.length() > 255)) {
            throw invalid(field, object.get(field), "must be 1 to 255 characters");
        }
        return value;
    }

    private static int count(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return 1;
        }
        int count;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            count = value.asInt();
        } else if (value.isString() && value.asString().matches("[0-9]{1,9}")) {
            count = Integer.parseInt(value.asString());
        } else {
            throw invalid(field, value, "is not of type 'integer'");
        }
        if (count < 1) {
            throw invalid(field, value, "is less than the minimum of 1");
        }
        return count;
    }

    /** References may be ids or links to the resource; the id is the last segment. */
    private static String lastPathSegment(String reference) {
        String trimmed = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    private static ApiException invalid(String field, JsonNode value, String reason) {
        return ApiException.badRequest(
                "Invalid input for field/attribute " + field + ". Value: " + value + ". " + reason);
    }

    static boolean looksLikeUuid(String text) {
        try {
            UUID.fromString(text);
            return UUID_PATTERN.matcher(text).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
