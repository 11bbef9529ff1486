package org.novasim.common.scheduler;

import java.util.List;

/**
 * A server group as the scheduler needs it: its policy ({@code affinity}, {@code anti-affinity},
 * {@code soft-affinity}, {@code soft-anti-affinity}) and the hosts its members already run on.
 */
public record ServerGroupInfo(String uuid, String policy, List<String> hosts) {

    public ServerGroupInfo {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
