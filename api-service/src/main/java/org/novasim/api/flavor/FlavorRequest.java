package org.novasim.api.flavor;

import java.time.Instant;
import org.novasim.api.web.ApiException;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /flavors}, checked as Nova's schema does. */
final class FlavorRequest {

    private FlavorRequest() {}

    static Flavor parse(JsonNode body, Instant now) {
        JsonNode flavor = body == null ? null : body.get("flavor");
        if (flavor == null || !flavor.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute flavor. 'flavor' is a required property");
        }
        JsonNode name = flavor.get("name");
        if (name == null
                || !name.isString()
                || name.asString().isBlank()
                || name.asString().length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + name
                    + ". 'name' must be a string of 1 to 255 characters");
        }
        JsonNode id = flavor.get("id");
        String flavorId =
                id == null || id.isNull() || (id.isString() && id.asString().equals("auto")) ? null : id.asString();
        if (flavorId != null
                && (flavorId.isBlank() || flavorId.length() > 255 || !flavorId.matches("[A-Za-z0-9._ -]+"))) {
            throw ApiException.badRequest("Invalid input for field/attribute id. Value: " + id + ".");
        }
        JsonNode isPublic = flavor.get("os-flavor-access:is_public");
        JsonNode rxtx = flavor.get("rxtx_factor");
        return new Flavor(
                flavorId,
                name.asString().trim(),
                integer(flavor, "vcpus", 1, true),
                integer(flavor, "ram", 1, true),
                integer(flavor, "disk", 0, true),
                integer(flavor, "OS-FLV-EXT-DATA:ephemeral", 0, false),
                integer(flavor, "swap", 0, false),
                rxtx == null ? 1.0 : rxtx.asDouble(),
                isPublic == null || isPublic.asBoolean(true),
                false,
                null,
                now);
    }

    static Flavor withId(Flavor flavor, String id) {
        return new Flavor(
                id,
                flavor.name(),
                flavor.vcpus(),
                flavor.memoryMb(),
                flavor.rootGb(),
                flavor.ephemeralGb(),
                flavor.swapMb(),
                flavor.rxtxFactor(),
                flavor.isPublic(),
                flavor.disabled(),
                flavor.description(),
                flavor.createdAt());
    }

    private static int integer(JsonNode flavor, String field, int minimum, boolean required) {
        JsonNode value = flavor.get(field);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isEmpty() && !required)) {
            if (required) {
                throw ApiException.badRequest(
                        "Invalid input for field/attribute flavor. '" + field + "' is a required property");
            }
            return 0;
        }
        int number;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            number = value.asInt();
        } else if (value.isString() && value.asString().matches("[0-9]{1,9}")) {
            number = Integer.parseInt(value.asString());
        } else {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". "
                    + value + " is not of type 'integer', 'string'");
        }
        if (number < minimum) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". "
                    + value + " is less than the minimum of " + minimum);
        }
        return number;
    }
}
