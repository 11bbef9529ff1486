package org.novasim.api.image;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads an image's stored properties. */
@Component
public class ImageProperties {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    public ImageProperties(JsonMapper json) {
        this.json = json;
    }

    public Map<String, String> of(Image image) {
        try {
            return json.readValue(image.properties(), MAP);
        } catch (JacksonException e) {
            return Map.of();
        }
    }
}
