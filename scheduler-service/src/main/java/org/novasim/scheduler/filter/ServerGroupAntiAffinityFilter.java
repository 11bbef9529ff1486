package org.novasim.scheduler.filter;

import org.novasim.common.scheduler.ServerGroupInfo;
import org.novasim.scheduler.host.HostState;

/** Members of an {@code anti-affinity} group each go to a host no other member uses. */
public final class ServerGroupAntiAffinityFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        ServerGroupInfo group = request.spec().serverGroup();
        if (group == null || !"anti-affinity".equals(group.policy())) {
            return true;
        }
        return !request.groupHosts().contains(host.host());
    }
}
