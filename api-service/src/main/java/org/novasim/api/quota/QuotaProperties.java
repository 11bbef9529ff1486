package org.novasim.api.quota;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default quotas of every project, Nova's [quota] section; a project's own limits (set by an admin) override
 * them. -1 means unlimited.
 */
@ConfigurationProperties("novasim.quota")
public record QuotaProperties(Map<String, Integer> defaults) {

    /** Nova's defaults, in the order Nova lists them. */
    static final Map<String, Integer> NOVA_DEFAULTS = novaDefaults();

    public QuotaProperties {
        Map<String, Integer> merged = new LinkedHashMap<>(NOVA_DEFAULTS);
        if (defaults != null) {
            defaults.forEach((resource, limit) -> {
                if (!NOVA_DEFAULTS.containsKey(resource)) {
                    throw new IllegalArgumentException("unknown quota resource " + resource);
                }
                merged.put(resource, limit);
            });
        }
        defaults = Map.copyOf(merged);
    }

    private static Map<String, Integer> novaDefaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("instances", 10);
        defaults.put("cores", 20);
        defaults.put("ram", 51200);
        defaults.put("key_pairs", 100);
        defaults.put("metadata_items", 128);
        defaults.put("injected_files", 5);
        defaults.put("injected_file_content_bytes", 10240);
        defaults.put("injected_file_path_bytes", 255);
        defaults.put("server_groups", 10);
        defaults.put("server_group_members", 10);
        // Shown by the 2.1 API for old clients; nothing counts against them in novasim.
        defaults.put("fixed_ips", -1);
        defaults.put("floating_ips", 10);
        defaults.put("security_groups", 10);
        defaults.put("security_group_rules", 20);
        return Collections.unmodifiableMap(defaults);
    }
}
