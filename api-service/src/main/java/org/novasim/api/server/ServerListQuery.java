package org.novasim.api.server;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceFilter;
import org.novasim.api.instance.InstanceListing;
import org.novasim.api.instance.ServerStatus;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Policy;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;

/**
 * The filters and paging of {@code GET /servers}: {@code name} and {@code ip} (regular expressions, as Nova treats
 * them), {@code status}, {@code image}, {@code flavor}, {@code changes-since} (which also returns deleted servers),
 * for admins {@code all_tenants}, {@code project_id}/{@code tenant_id} and {@code host}, and paging with
 * {@code limit} and {@code marker}. Everything but the regular expressions is done by the database; those are
 * applied to its rows a batch at a time, within a budget of steps.
 */
record ServerListQuery(InstanceFilter filter, RegexFilter name, RegexFilter ip, Integer limit, String marker) {

    /** Nova caps a page at osapi_max_limit. */
    static final int MAX_LIMIT = 1000;
    /** Rows read at a time while a regular expression filters them. */
    private static final int BATCH = 200;

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** A page of servers, and whether more follow it. */
    record Page(List<Instance> servers, boolean more) {}

    static ServerListQuery from(Map<String, String> params, RpcContext caller, ApiVersion version, long regexSteps) {
        String projectId = caller.projectId();
        boolean allTenants = params.containsKey("all_tenants") && !isFalse(params.get("all_tenants"));
        if (allTenants) {
            Policy.requireAdmin(caller, "os_compute_api:servers:index:get_all_tenants");
            projectId = null;
        }
        String tenant = params.getOrDefault("project_id", params.get("tenant_id"));
        if (tenant != null && caller.isAdmin() && (allTenants || !tenant.equals(caller.projectId()))) {
            projectId = tenant;
        }
        RegexFilter name = regex(params, "name", regexSteps);
        // Before 2.5 only admins could filter by address; Nova drops admin-only filters of other callers.
        RegexFilter ip = caller.isAdmin() || version.atLeast(2, 5) ? regex(params, "ip", regexSteps) : null;
        String host = caller.isAdmin() ? params.get("host") : null;
        VmState status = null;
        if (params.containsKey("status")) {
            status = ServerStatus.vmStateOf(params.get("status"));
            if (status == null) {
                throw ApiException.badRequest("Invalid status value");
            }
        }
        Instant changesSince = params.containsKey("changes-since") ? changesSince(params.get("changes-since")) : null;
        InstanceFilter filter = new InstanceFilter(
                projectId,
                projectId == null,
                changesSince != null,
                changesSince,
                status == null ? null : status.value(),
                lastPathSegment(params.get("image")),
                lastPathSegment(params.get("flavor")),
                host);
        return new ServerListQuery(filter, name, ip, limit(params.get("limit")), params.get("marker"));
    }

    /** The page after the marker, at most limit long; a marker that is not in the list is a 400, as in Nova. */
    Page fetch(InstanceListing listing) {
        Instance after = marker == null
                ? null
                : listing.marker(filter, marker)
                        .orElseThrow(() -> ApiException.badRequest("marker [" + marker + "] not found"));
        int size = Math.min(limit == null ? MAX_LIMIT : limit, MAX_LIMIT);
        boolean filtered = name != null || ip != null;
        int batch = filtered ? BATCH : size + 1;
        List<Instance> page = new ArrayList<>();
        while (true) {
            List<Instance> rows = listing.after(filter, after, batch);
            for (Instance row : rows) {
                if (!filtered || matches(row)) {
                    if (page.size() == size) {
                        return new Page(page, true);
                    }
                    page.add(row);
                }
            }
            if (rows.size() < batch) {
                return new Page(page, false);
            }
            after = rows.get(rows.size() - 1);
        }
    }

    private boolean matches(Instance instance) {
        return (name == null || name.find(instance.displayName())) && (ip == null || hasAddressMatching(instance));
    }

    private boolean hasAddressMatching(Instance instance) {
        return instance.networkInfo() != null
                && instance.networkInfo().vifs().stream()
                        .flatMap(vif -> vif.fixedIps().stream())
                        .anyMatch(address -> ip.find(address.address()));
    }

    private static RegexFilter regex(Map<String, String> params, String field, long steps) {
        return params.containsKey(field) ? RegexFilter.of(field, params.get(field), steps) : null;
    }

    private static Instant changesSince(String text) {
        Instant since;
        try {
            since = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                since = Instant.parse(text + "Z");
            } catch (DateTimeParseException again) {
                since = null;
            }
        }
        if (since == null || since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
            throw ApiException.badRequest("Invalid input for field/attribute changes-since. Value: " + text
                    + ". 'changes-since' is not a 'date-time'");
        }
        return since;
    }

    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,9}")) {
            throw ApiException.badRequest("limit param must be an integer");
        }
        return Integer.parseInt(text);
    }

    /** Filters may name an image or flavor by id or by link; the id is the last segment. */
    private static String lastPathSegment(String reference) {
        if (reference == null) {
            return null;
        }
        String trimmed = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static boolean isFalse(String value) {
        return value.equalsIgnoreCase("false")
                || value.equals("0")
                || value.equalsIgnoreCase("no")
                || value.equalsIgnoreCase("off");
    }
}
