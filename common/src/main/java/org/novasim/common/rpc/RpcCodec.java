package org.novasim.common.rpc;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON on the wire, in the snake_case Nova's messages use. Unknown fields are ignored so that a newer minor version
 * of a contract (which may only add fields) is readable by an older server.
 */
public final class RpcCodec {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

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

    /** The value as a client capped at {@code cap} sends it: without the fields added after that version. */
    JsonNode toTree(Object value, RpcVersion cap) {
        JsonNode tree = mapper.valueToTree(value);
        if (cap != null && value != null) {
            leaveOutNewer(tree, value.getClass(), cap);
        }
        return tree;
    }

    private static void leaveOutNewer(JsonNode tree, Type type, RpcVersion cap) {
        if (tree == null || tree.isNull()) {
            return;
        }
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Type element = arguments[arguments.length - 1];
            for (JsonNode child : tree) {
                leaveOutNewer(child, element, cap);
            }
            return;
        }
        if (!(type instanceof Class<?> type1) || !type1.isRecord() || !(tree instanceof ObjectNode object)) {
            return;
        }
        for (RecordComponent component : type1.getRecordComponents()) {
            String field = SNAKE_CASE.nameForField(null, null, component.getName());
            Since since = component.getAnnotation(Since.class);
            if (since != null && RpcVersion.parse(since.value()).compareTo(cap) > 0) {
                object.remove(field);
            } else {
                leaveOutNewer(object.get(field), component.getGenericType(), cap);
            }
        }
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
