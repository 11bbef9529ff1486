package org.novasim.api.network.neutron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The query string of a Neutron list or show: filters and {@code fields}.
 *
 * <p>Neutron filters on any attribute, and a filter given more than once matches any of its values
 * ({@code ?id=a&id=b}). network-service filters on the common attributes with one value each, which keeps lists
 * short on the wire; this class hands it those ({@link #single}, {@link #bool}, ...) and then applies every filter
 * to the views, so the answer is the same whichever side filtered. A filter naming no attribute of the resource is
 * ignored, as Neutron did before it validated filters. Paging and sorting parameters are accepted and ignored:
 * every list comes whole, oldest first.
 */
final class ListQuery {

    private static final Set<String> NOT_FILTERS =
            Set.of("fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse", "verbose");

    private final MultiValueMap<String, String> params;

    ListQuery(MultiValueMap<String, String> params) {
        this.params = params;
    }

    /** The filter's value when it is given exactly once; otherwise null, and only the views are filtered. */
    String single(String name) {
        List<String> values = params.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** project_id, or tenant_id, its old name. */
    String project() {
        String project = single("project_id");
        return project != null ? project : single("tenant_id");
    }

    Boolean bool(String name) {
        String value = single(name);
        return value == null ? null : parseBoolean(value);
    }

    Integer integer(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?[0-9]{1,9}")) {
            throw NeutronException.invalidInput("'" + value + "' is not an integer");
        }
        return Integer.parseInt(value);
    }

    /** Keeps the views every filter matches, then cuts each to the requested {@code fields}. */
    List<Map<String, Object>> apply(List<Map<String, Object>> views) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> view : views) {
            if (matches(view)) {
                kept.add(select(view));
            }
        }
        return kept;
    }

    /** Neutron's {@code fields}: {@code ?fields=id&fields=name} or {@code ?fields=id,name}; none means all. */
    Map<String, Object> select(Map<String, Object> view) {
        List<String> fields = params.get("fields");
        if (fields == null || fields.isEmpty()) {
            return view;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String list : fields) {
            for (String field : list.split(",")) {
                if (view.containsKey(field.trim())) {
                    selected.put(field.trim(), view.get(field.trim()));
                }
            }
        }
        return selected;
    }

    private boolean matches(Map<String, Object> view) {
        for (Map.Entry<String, List<String>> filter : params.entrySet()) {
            String name = filter.getKey();
            if (NOT_FILTERS.contains(name) || !view.containsKey(name)) {
                continue;
            }
            Object actual = view.get(name);
            if (filter.getValue().stream().noneMatch(wanted -> matches(name, actual, wanted))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String name, Object actual, String wanted) {
        if (actual instanceof Boolean flag) {
            return flag.equals(parseBoolean(wanted));
        }
        if (actual instanceof String || actual instanceof Number) {
            return actual.toString().equals(wanted);
        }
        if ("fixed_ips".equals(name) && actual instanceof List<?> fixedIps) {
            return fixedIps.stream().anyMatch(fixedIp -> fixedIpMatches((Map<?, ?>) fixedIp, wanted));
        }
        // Lists and objects (subnets, tags, allocation_pools ...) cannot be compared with a string: not filtered.
        return actual != null;
    }

    /** Neutron's port filter {@code fixed_ips=ip_address=10.0.0.5} (or {@code subnet_id=...}). */
    private static boolean fixedIpMatches(Map<?, ?> fixedIp, String wanted) {
        int equals = wanted.indexOf('=');
        if (equals < 0) {
            throw NeutronException.invalidInput("'" + wanted + "' is not of the form ip_address=... or subnet_id=...");
        }
        Object value = fixedIp.get(wanted.substring(0, equals));
        return value != null && value.equals(wanted.substring(equals + 1));
    }

    private static Boolean parseBoolean(String text) {
        Boolean parsed = NeutronBody.parseBoolean(text);
        if (parsed == null) {
            throw NeutronException.invalidInput("'" + text + "' cannot be converted to boolean");
        }
        return parsed;
    }
}
