package org.novasim.common.rpc;

import java.util.List;
import java.util.UUID;

/**
 * The request context that travels with every RPC message, as Nova's RequestContext does: whoever handles a
 * message knows which API request caused it and on whose behalf it acts.
 */
public record RpcContext(String requestId, String projectId, String userId, List<String> roles) {

    public RpcContext {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A context for work a service starts itself (periodic tasks, reports), not on behalf of a user. */
    public static RpcContext system() {
        return new RpcContext(newRequestId(), null, null, List.of("admin"));
    }

    /** The same request, so log lines of follow-up work share the request id. */
    public RpcContext elevated() {
        return new RpcContext(requestId, projectId, userId, List.of("admin"));
    }

    /**
     * Whether a server may act on this context: it names its request, and acts either for a user of a project or
     * as the system (the admin role). A context without both is not one any novasim service sends.
     */
    public boolean isValid() {
        boolean named = requestId != null && !requestId.isBlank() && requestId.length() <= 255;
        boolean forUser = projectId != null && !projectId.isBlank() && userId != null && !userId.isBlank();
        return named && (forUser || isAdmin());
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }
}
