package org.novasim.api.server;

import java.time.Clock;
import java.util.Locale;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Service;

/**
 * Lock and unlock (Nova's os-lock-server) and an admin's os-resetState: changes of the API database alone, in any
 * state, recorded as instance actions. A locked instance refuses every action but to admins; an instance an admin
 * locked cannot be unlocked by its owner (Nova's unlock_override policy).
 */
@Service
public class LockService {

    private static final String OWNER = "owner";
    private static final String ADMIN = "admin";

    private final ServerService servers;
    private final InstanceStore instances;
    private final ActionLog actions;
    private final Clock clock;

    LockService(ServerService servers, InstanceStore instances, ActionLog actions, Clock clock) {
        this.servers = servers;
        this.instances = instances;
        this.actions = actions;
        this.clock = clock;
    }

    /** @param reason why (microversion 2.73), or null */
    public void lock(RpcContext context, String uuid, String reason) {
        Instance instance = servers.get(context, uuid);
        String by = context.isAdmin() && !instance.projectId().equals(context.projectId()) ? ADMIN : OWNER;
        actions.start(context, uuid, InstanceAction.LOCK);
        instances.setLock(uuid, true, by, reason, clock.instant());
    }

    public void unlock(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        if (instance.locked() && ADMIN.equals(instances.lockedBy(uuid).orElse(OWNER)) && !context.isAdmin()) {
            throw ApiException.forbidden(
                    "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
        }
        actions.start(context, uuid, InstanceAction.UNLOCK);
        instances.setLock(uuid, false, null, null, clock.instant());
    }

    /** {@code {"os-resetState": {"state": "active"|"error"}}}: that vm state, no task. Admin only. */
    public void resetState(RpcContext context, String uuid, String state) {
        servers.get(context, uuid);
        Policy.requireAdmin(context, "os_compute_api:os-admin-actions:reset_state");
        VmState vmState = "active".equals(state.toLowerCase(Locale.ROOT)) ? VmState.ACTIVE : VmState.ERROR;
        actions.start(context, uuid, InstanceAction.RESET_STATE);
        instances.resetState(uuid, vmState, clock.instant());
    }
}
