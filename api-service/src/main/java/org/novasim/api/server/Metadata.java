package org.novasim.api.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.web.ApiException;
import tools.jackson.databind.JsonNode;

/** Reads and checks server metadata from a request body, as Nova's schema does. */
final class Metadata {

    private Metadata() {}

    /** An object of string keys (1 to 255 characters) and string values (up to 255); null for none. */
    static Map<String, String> parse(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + node + ". "
                    + node + " is not of type 'object'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> item : node.properties()) {
            String key = item.getKey();
            JsonNode value = item.getValue();
            if (key.isEmpty() || key.length() > 255) {
                throw ApiException.badRequest(
                        "Invalid input for field/attribute " + field + ". Metadata keys must be 1 to 255 characters");
            }
            if (!value.isString() || value.asString().length() > 255) {
                throw ApiException.badRequest("Invalid input for field/attribute " + key + ". Value: " + value
                        + ". Metadata values must be strings of at most 255 characters");
            }
            metadata.put(key, value.asString());
        }
        return metadata;
    }

    /** Nova refuses more items than the metadata_items quota with 403. */
    static void checkCount(int count, int limit) {
        if (limit >= 0 && count > limit) {
            throw ApiException.forbidden(
                    "Quota exceeded for metadata_items: Maximum number of metadata items " + "exceeds " + limit);
        }
    }
}
