package org.novasim.api.flavor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.web.Links;

/** Flavors as the Compute API v2.1 shows them. */
final class FlavorViews {

    private FlavorViews() {}

    static Map<String, Object> summary(Flavor flavor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", flavor.id());
        view.put("name", flavor.name());
        view.put("links", Links.compute("flavors", flavor.id()));
        return view;
    }

    static Map<String, Object> detail(Flavor flavor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", flavor.id());
        view.put("name", flavor.name());
        view.put("ram", flavor.memoryMb());
        view.put("disk", flavor.rootGb());
        view.put("vcpus", flavor.vcpus());
        view.put("OS-FLV-EXT-DATA:ephemeral", flavor.ephemeralGb());
        // Nova shows "no swap" as an empty string, not 0.
        view.put("swap", flavor.swapMb() == 0 ? "" : flavor.swapMb());
        view.put("rxtx_factor", flavor.rxtxFactor());
        view.put("os-flavor-access:is_public", flavor.isPublic());
        view.put("OS-FLV-DISABLED:disabled", flavor.disabled());
        view.put("links", Links.compute("flavors", flavor.id()));
        return view;
    }
}
