package org.novasim.api.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The service catalog a token carries: identity, compute, image and network, each with public, internal and
 * admin endpoints in one region, all on this API's address (clients need a public one; the CLI fails without).
 */
@Component
public class Catalog {

    private record Service(String type, String name, String path) {}

    private static final List<Service> SERVICES = List.of(
            new Service("identity", "keystone", "/identity"),
            new Service("compute", "nova", "/compute/v2.1"),
            new Service("image", "glance", "/image"),
            new Service("network", "neutron", "/network"));
    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private final IdentityProperties properties;

    public Catalog(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The catalog with endpoints under the base URL (the configured public URL, else the client's). */
    public List<Map<String, Object>> entries(String requestBase) {
        String base = properties.publicUrl().isBlank()
                ? requestBase
                : properties.publicUrl().replaceAll("/+$", "");
        List<Map<String, Object>> catalog = new ArrayList<>();
        for (Service service : SERVICES) {
            List<Map<String, Object>> endpoints = new ArrayList<>();
            for (String anInterface : INTERFACES) {
                Map<String, Object> endpoint = new LinkedHashMap<>();
                endpoint.put("id", stableId(service.type() + "/" + anInterface));
                endpoint.put("interface", anInterface);
                endpoint.put("region_id", properties.region());
                endpoint.put("region", properties.region());
                endpoint.put("url", base + service.path());
                endpoints.add(endpoint);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("endpoints", endpoints);
            entry.put("id", stableId(service.type()));
            entry.put("type", service.type());
            entry.put("name", service.name());
            catalog.add(entry);
        }
        return catalog;
    }

    /** Ids that stay the same across restarts, so clients caching the catalog are not confused. */
    private static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
