package org.novasim.scheduler.filter;

import java.util.Locale;
import java.util.Map;
import org.novasim.scheduler.host.HostState;

/**
 * Only hosts that can run the image: its {@code hw_architecture} (or legacy {@code architecture}) and
 * {@code img_hv_type} (or legacy {@code hypervisor_type}) must match the host's, when the image says.
 */
public final class ImagePropertiesFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        Map<String, String> properties = request.spec().image() == null ? Map.of() : request.spec().image().properties();
        String architecture = first(properties, "hw_architecture", "architecture");
        String hypervisorType = first(properties, "img_hv_type", "hypervisor_type");
        return matches(architecture, host.report().architecture())
                && matches(hypervisorType, host.report().hypervisorType());
    }

    private static String first(Map<String, String> properties, String name, String legacyName) {
        String value = properties.get(name);
        return value != null ? value : properties.get(legacyName);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || (actual != null && wanted.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT)));
    }
}
