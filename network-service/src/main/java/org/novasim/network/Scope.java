package org.novasim.network;

import java.util.Objects;
import org.novasim.common.rpc.RpcContext;

/**
 * Whose view a request has: an admin sees everything, anyone else their project's resources plus the networks
 * that are shared or external (Neutron's default policy).
 */
public record Scope(boolean admin, String projectId) {

    /** For the service's own look-ups that no user's view limits. */
    public static final Scope ADMIN = new Scope(true, null);

    public static Scope of(RpcContext context) {
        return new Scope(context.isAdmin(), context.projectId());
    }

    public boolean owns(String ownerProjectId) {
        return admin || (projectId != null && Objects.equals(projectId, ownerProjectId));
    }

    public boolean canSeeNetwork(String ownerProjectId, boolean shared, boolean routerExternal) {
        return shared || routerExternal || owns(ownerProjectId);
    }
}
