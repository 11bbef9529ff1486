package org.novasim.scheduler.filter;

import java.util.Map;
import org.novasim.scheduler.host.HostState;

/**
 * Only hosts that can run the image: its {@code hw_architecture} (or legacy {@code architecture}) and
 * {@code img_hv_type} (or legacy {@code hypervisor_type}) must match the host's, ignoring case, when the image says.
 */
public final class ImagePropertiesFilter implements HostFilter {

    /** The image's wishes, read once per image rather than once per host. */
    private record Wanted(Map<String, String> properties, String architecture, String hypervisorType) {}

    private volatile Wanted last = new Wanted(Map.of(), null, null);

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        Wanted wanted = wanted(
                request.spec().image() == null
                        ? Map.of()
                        : request.spec().image().properties());
        return matches(wanted.architecture(), host.report().architecture())
                && matches(wanted.hypervisorType(), host.report().hypervisorType());
    }

    private Wanted wanted(Map<String, String> properties) {
        Wanted cached = last;
        if (cached.properties() == properties) {
            return cached;
        }
        Wanted fresh = new Wanted(
                properties,
                first(properties, "hw_architecture", "architecture"),
                first(properties, "img_hv_type", "hypervisor_type"));
        last = fresh;
        return fresh;
    }

    private static String first(Map<String, String> properties, String name, String legacyName) {
        String value = properties.get(name);
        return value != null ? value : properties.get(legacyName);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
