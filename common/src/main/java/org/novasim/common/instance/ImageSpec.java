package org.novasim.common.instance;

import java.util.Map;

/** The image an instance boots from, with the properties filters look at (architecture, hypervisor type ...). */
public record ImageSpec(String id, String name, Map<String, String> properties) {

    public ImageSpec {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
