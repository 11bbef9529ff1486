package org.novasim.api.servergroup;

import java.time.Clock;
import java.util.Collection;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.web.ApiException;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.ServerGroupInfo;
import org.springframework.stereotype.Component;

/**
 * Server groups as a server create and the conductor use them: the group named by the {@code group} hint, new
 * servers joining it, and what the scheduler must know of it (its policy and the hosts its members run on).
 */
@Component
public class ServerGroupMembership {

    private final ServerGroupStore groups;
    private final QuotaService quotas;
    private final Clock clock;

    public ServerGroupMembership(ServerGroupStore groups, QuotaService quotas, Clock clock) {
        this.groups = groups;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The group of the hint, if the caller may use it; null for no hint. A group not found is a 400, as in Nova. */
    public ServerGroup resolve(RpcContext context, String hint) {
        if (hint == null) {
            return null;
        }
        return groups.find(hint)
                .filter(group -> context.isAdmin() || group.projectId().equals(context.projectId()))
                .orElseThrow(() -> ApiException.badRequest("Instance group " + hint + " could not be found."));
    }

    /** Nova's server_group_members quota: how many servers may join the group in all. */
    public void checkRoom(RpcContext context, ServerGroup group, int joining) {
        Integer limit = quotas.limits(context.projectId()).get("server_group_members");
        if (group != null
                && limit != null
                && limit >= 0
                && groups.members(group.id()).size() + joining > limit) {
            throw ApiException.forbidden("Quota exceeded, too many servers in group");
        }
    }

    public void join(ServerGroup group, String instanceUuid) {
        groups.addMember(group.id(), instanceUuid, clock.instant());
    }

    /** The group as the scheduler needs it, with the hosts of its members other than {@code newMembers}. */
    public ServerGroupInfo schedulingInfo(ServerGroup group, Collection<String> newMembers) {
        return new ServerGroupInfo(group.uuid(), group.policy(), groups.memberHosts(group.id(), newMembers));
    }

    /**
     * The spec with its group's hosts read again, just before scheduling: members placed since the API built the
     * spec count too. A group deleted meanwhile no longer constrains anything, as in Nova.
     */
    public RequestSpec refresh(RequestSpec spec, Collection<String> newMembers) {
        if (spec.serverGroup() == null) {
            return spec;
        }
        ServerGroupInfo info = groups.find(spec.serverGroup().uuid())
                .map(group -> schedulingInfo(group, newMembers))
                .orElse(null);
        return new RequestSpec(
                spec.projectId(),
                spec.flavor(),
                spec.image(),
                spec.availabilityZone(),
                spec.schedulerHints(),
                info,
                spec.ignoreHosts());
    }
}
