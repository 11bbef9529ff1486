package org.novasim.scheduler.filter;

import org.novasim.common.scheduler.ServerGroupInfo;
import org.novasim.scheduler.host.HostState;

/** Members of an {@code affinity} group go where the group already is (anywhere, for the first member). */
public final class ServerGroupAffinityFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        ServerGroupInfo group = request.spec().serverGroup();
        if (group == null
                || !"affinity".equals(group.policy())
                || request.groupHosts().isEmpty()) {
            return true;
        }
        return request.groupHosts().contains(host.host());
    }
}
