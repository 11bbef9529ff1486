package org.novasim.common.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;

/**
 * What is being scheduled (Nova's RequestSpec): the flavor and image of the instances, where they may go, and the
 * hosts that already failed them.
 *
 * @param availabilityZone requested zone, or null for any
 * @param schedulerHints   {@code os:scheduler_hints} of the request (e.g. group)
 * @param serverGroup      the server group the instances join, with its policy and current hosts, or null
 * @param ignoreHosts      hosts never to choose (those that failed a previous attempt)
 */
public record RequestSpec(
        String projectId,
        FlavorSpec flavor,
        ImageSpec image,
        String availabilityZone,
        Map<String, List<String>> schedulerHints,
        ServerGroupInfo serverGroup,
        List<String> ignoreHosts) {

    public RequestSpec {
        schedulerHints = schedulerHints == null ? Map.of() : Map.copyOf(schedulerHints);
        ignoreHosts = ignoreHosts == null ? List.of() : List.copyOf(ignoreHosts);
    }

    public RequestSpec withIgnoredHost(String host) {
        List<String> hosts = new ArrayList<>(ignoreHosts);
        if (!hosts.contains(host)) {
            hosts.add(host);
        }
        return new RequestSpec(projectId, flavor, image, availabilityZone, schedulerHints, serverGroup, hosts);
    }
}
