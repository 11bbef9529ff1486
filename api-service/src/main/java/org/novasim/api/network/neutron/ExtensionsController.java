package org.novasim.api.network.neutron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /network/v2.0/extensions}: the Neutron API extensions whose attributes this API really serves. Clients
 * ask before some commands ({@code openstack port create} looks for {@code tag-ports-during-bulk-creation}) and
 * fail on a 404 for the list; an extension missing from it only turns a feature off in the client.
 */
@RestController
@RequestMapping("/network/v2.0/extensions")
class ExtensionsController {

    private static final String UPDATED = "2013-01-01T00:00:00-00:00";
    private static final List<Map<String, Object>> EXTENSIONS = List.of(
            extension(
                    "external-net", "Neutron external network", "Adds external network attribute to network resource."),
            extension("binding", "Port Binding", "Expose port bindings of a virtual port to external application"),
            extension("network-mtu", "Network MTU", "Provides MTU attribute for a network resource."),
            extension(
                    "project-id",
                    "project_id field enabled",
                    "Extension that indicates that project_id field is enabled."),
            extension(
                    "standard-attr-description",
                    "standard-attr-description",
                    "Extension to add descriptions to standard attributes"),
            extension(
                    "standard-attr-timestamp",
                    "Resource timestamps",
                    "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard "
                            + "attributes."));

    @GetMapping
    Map<String, Object> list() {
        return Map.of("extensions", EXTENSIONS);
    }

    @GetMapping("/{alias}")
    Map<String, Object> show(@PathVariable String alias) {
        return EXTENSIONS.stream()
                .filter(e -> e.get("alias").equals(alias))
                .findFirst()
                .map(e -> Map.<String, Object>of("extension", e))
                .orElseThrow(NeutronException::notFound);
    }

    private static Map<String, Object> extension(String alias, String name, String description) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("alias", alias);
        extension.put("name", name);
        extension.put("description", description);
        extension.put("updated", UPDATED);
        extension.put("links", List.of());
        return extension;
    }
}
