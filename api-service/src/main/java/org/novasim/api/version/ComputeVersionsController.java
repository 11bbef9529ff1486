package org.novasim.api.version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Links;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compute API's version documents, read by clients before anything else: {@code version} is the newest
 * microversion novasim implements, {@code min_version} the oldest. Only v2.1 is served (no legacy v2.0).
 */
@RestController
class ComputeVersionsController {

    @GetMapping({"/compute", "/compute/"})
    Map<String, Object> versions() {
        return Map.of("versions", List.of(v21(false)));
    }

    @GetMapping({"/compute/v2.1", "/compute/v2.1/"})
    Map<String, Object> version() {
        return Map.of("version", v21(true));
    }

    private static Map<String, Object> v21(boolean detailed) {
        String self = Links.root() + "/compute/v2.1/";
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", "v2.1");
        version.put("status", "CURRENT");
        version.put("version", ApiVersion.MAX.toString());
        version.put("min_version", ApiVersion.MIN.toString());
        version.put("updated", "2013-07-23T11:33:21Z");
        if (detailed) {
            version.put(
                    "links",
                    List.of(
                            Map.of("rel", "self", "href", self),
                            Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
            version.put(
                    "media-types",
                    List.of(Map.of(
                            "base", "application/json", "type", "application/vnd.openstack.compute+json;version=2.1")));
        } else {
            version.put("links", List.of(Map.of("rel", "self", "href", self)));
        }
        return version;
    }
}
