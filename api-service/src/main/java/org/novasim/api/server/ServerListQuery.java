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
import org.novasim.common.instance.VmState;

/**
 * The filters and paging of {@code GET /servers}: {@code name} (a regular expression, as Nova treats it),
 * {@code status}, {@code changes-since} (which also returns deleted servers), {@code limit} and {@code marker}.
 */
record ServerListQuery(Pattern name, VmState status, Instant changesSince, Integer limit, String marker) {

    /** Nova caps a page at osapi_max_limit. */
    static final int MAX_LIMIT = 1000;

    static ServerListQuery from(Map<String, String> params) {
        Pattern name = null;
        if (params.containsKey("name")) {
            try {
                name = Pattern.compile(params.get("name"));
            } catch (PatternSyntaxException e) {
                throw ApiException.badRequest("Invalid regular expression in name: " + params.get("name"));
            }
        }
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
        return new ServerListQuery(name, status, changesSince, limit, params.get("marker"));
    }

    boolean includesDeleted() {
        return changesSince != null;
    }

    boolean matches(Instance instance) {
        return (name == null || name.matcher(instance.displayName()).find())
                && (status == null || status == instance.vmState());
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
        return limit != null && page.size() == Math.min(limit, MAX_LIMIT) && !page.isEmpty()
                && !page.get(page.size() - 1).uuid().equals(matching.get(matching.size() - 1).uuid());
    }
}
