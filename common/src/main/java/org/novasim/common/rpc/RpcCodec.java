package org.novasim.common.rpc;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON on the wire, in the snake_case Nova's messages use. Unknown fields are ignored so that a newer minor version
 * of a contract (which may only add fields) is readable by an older server.
 */
public final class RpcCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    byte[] encode(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    <T> T decode(byte[] body, Class<T> type) {
        return mapper.readValue(body, type);
    }

    /** Reads a tree as the contract type; a null tree is a null value (void results, absent args). */
    <T> T fromTree(JsonNode tree, Class<T> type) {
        if (tree == null || tree.isNull() || type == Void.class) {
            return null;
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InvalidArgumentsException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
