package org.novasim.api.network.neutron;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.novasim.api.web.ApiPath;
import org.novasim.api.web.Links;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network API's root: Neutron's version list at {@code /network} and resource list at {@code /network/v2.0}
 * (clients append {@code /v2.0} themselves and need neither, but a human with curl does), and a Neutron-format
 * answer for every other path under {@code /network}: without it an unknown path or method would fall through to
 * the general handler and answer in Nova's format.
 */
@RestController
class NeutronRootController {

    private static final List<String> COLLECTIONS = List.of("networks", "subnets", "ports");
    /** A path of a resource this API serves, with a method it does not (e.g. PUT, which is not implemented). */
    private static final Pattern RESOURCE = Pattern.compile("/network/v2\\.0/(networks|subnets|ports)(/[^/]+)?");

    @GetMapping({"/network", "/network/"})
    Map<String, Object> versions() {
        return Map.of(
                "versions",
                List.of(Map.of(
                        "id",
                        "v2.0",
                        "status",
                        "CURRENT",
                        "links",
                        List.of(Map.of("rel", "self", "href", Links.root() + "/network/v2.0/")))));
    }

    @GetMapping({"/network/v2.0", "/network/v2.0/"})
    Map<String, Object> resources() {
        String base = Links.root() + "/network/v2.0/";
        return Map.of(
                "resources",
                COLLECTIONS.stream()
                        .map(collection -> Map.of(
                                "name", collection.substring(0, collection.length() - 1),
                                "collection", collection,
                                "links", List.of(Map.of("rel", "self", "href", base + collection))))
                        .toList());
    }

    /** Reached only when no other mapping takes the path and method. */
    @RequestMapping("/network/**")
    void unknown(HttpServletRequest request) {
        if (RESOURCE.matcher(ApiPath.of(request)).matches()) {
            throw NeutronException.methodNotAllowed(request.getMethod());
        }
        throw NeutronException.notFound();
    }
}
