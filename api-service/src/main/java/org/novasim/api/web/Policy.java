package org.novasim.api.web;

import org.novasim.common.rpc.RpcContext;

/** Who may do what. Nova's default policy, as far as novasim needs it: some APIs are for admins only. */
public final class Policy {

    private Policy() {}

    /**
     * Refuses non-admins with Nova's 403 wording, naming the rule (e.g. {@code os_compute_api:os-hypervisors:list}).
     */
    public static void requireAdmin(RpcContext context, String rule) {
        if (!context.isAdmin()) {
            throw ApiException.forbidden("Policy doesn't allow " + rule + " to be performed.");
        }
    }
}
