package org.novasim.api.server;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.novasim.api.instance.Instance;
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
 * {@code limit} and {@code marker}.
 *
 * @param projectId whose servers: the caller's, another project's (admin), or null for all (admin, all_tenants)
 */
record ServerListQuery(
        String projectId,
        Pattern name,
        Pattern ip,
        VmState status,
        String image,
        String flavor,
        String host,
        Instant changesSince,
        Integer limit,
        String marker) {

    /** Nova caps a page at osapi_max_limit. */
    static final int MAX_LIMIT = 1000;

    static ServerListQuery from(Map<String, String> params, RpcContext caller, ApiVersion version) {
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
        Pattern name = regex(params, "name");
        // Before 2.5 only admins could filter by address; Nova drops admin-only filters of other callers.
        Pattern ip = caller.isAdmin() || version.atLeast(2, 5) ? regex(params, "ip") : null;
        String host = caller.isAdmin() ? params.get("host") : null;
        VmState status = null;
        if (params.containsKey("status")) {
            status = ServerStatus.vmStateOf(params.get("status"));
            if (status == null) {
                throw ApiException.badRequest("Invalid status value");
            }
        }
        Instant changesSince = null;
        if (params.containsKey("changes-since")) {
            try {
                changesSince = OffsetDateTime.parse(params.get("changes-since")).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    changesSince = Instant.parse(params.get("changes-since") + "Z");
                } catch (DateTimeParseException again) {
                    throw ApiException.badRequest("Invalid input for field/attribute changes-since. Value: "
                            + params.get("changes-since") + ". 'changes-since' is not a 'date-time'");
                }
            }
        }
        Integer limit = null;
        if (params.containsKey("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 0) {
                throw ApiException.badRequest("limit param must be an integer");
            }
        }
        return new ServerListQuery(
                projectId,
                name,
                ip,
                status,
                params.get("image"),
                params.get("flavor"),
                host,
                changesSince,
                limit,
                params.get("marker"));
    }

    private static Pattern regex(Map<String, String> params, String field) {
        if (!params.containsKey(field)) {
            return null;
        }
        try {
            return Pattern.compile(params.get(field));
        } catch (PatternSyntaxException e) {
            throw ApiException.badRequest("Invalid regular expression in " + field + ": " + params.get(field));
        }
    }

    private static boolean isFalse(String value) {
        return value.equalsIgnoreCase("false")
                || value.equals("0")
                || value.equalsIgnoreCase("no")
                || value.equalsIgnoreCase("off");
    }

    boolean includesDeleted() {
        return changesSince != null;
    }

    boolean matches(Instance instance) {
        return (name == null || name.matcher(instance.displayName()).find())
                && (status == null || status == instance.vmState())
                && (image == null || image.equals(instance.imageRef()) || image.endsWith("/" + instance.imageRef()))
                && (flavor == null
                        || flavor.equals(instance.flavor().id())
                        || flavor.endsWith("/" + instance.flavor().id()))
                && (host == null || host.equals(instance.host()))
                && (ip == null || hasAddressMatching(instance));
    }

    private boolean hasAddressMatching(Instance instance) {
        return instance.networkInfo() != null
                && instance.networkInfo().vifs().stream()
                        .flatMap(vif -> vif.fixedIps().stream())
                        .anyMatch(address -> ip.matcher(address.address()).find());
    }

    /** The page after the marker, at most limit long; a marker that is not in the list is a 400, as in Nova. */
    List<Instance> page(List<Instance> matching) {
        int from = 0;
        if (marker != null) {
            int index = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).uuid().equals(marker)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw ApiException.badRequest("marker [" + marker + "] not found");
            }
            from = index + 1;
        }
        int size = Math.min(limit == null ? MAX_LIMIT : limit, MAX_LIMIT);
        return new ArrayList<>(matching.subList(from, Math.min(matching.size(), from + size)));
    }

    boolean hasMoreAfter(List<Instance> page, List<Instance> matching) {
        return limit != null
                && page.size() == Math.min(limit, MAX_LIMIT)
                && !page.isEmpty()
                && !page.get(page.size() - 1)
                        .uuid()
                        .equals(matching.get(matching.size() - 1).uuid());
    }
}
