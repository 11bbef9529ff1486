package org.novasim.compute.host;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** Every host this process simulates, by name. */
public final class SimulatedHosts {

    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();

    /**
     * @param defaultHostIp the management address of hosts whose group names none (the process's own address:
     *                      simulated hosts share the machine they run on)
     */
    public SimulatedHosts(
            List<HostGroup> groups,
            int maxConcurrentBuilds,
            Executor workers,
            String defaultHostIp,
            Duration settledRetention) {
        for (HostGroup group : groups) {
            String hostIp = group.hostIp() == null || group.hostIp().isBlank() ? defaultHostIp : group.hostIp();
            for (String name : group.hostNames()) {
                SimulatedHost host =
                        new SimulatedHost(name, group, hostIp, maxConcurrentBuilds, workers, settledRetention);
                if (hosts.putIfAbsent(name, host) != null) {
                    throw new IllegalArgumentException("host " + name + " is configured twice");
                }
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a compute process needs at least one host");
        }
    }

    public SimulatedHost get(String name) {
        return hosts.get(name);
    }

    public Collection<SimulatedHost> all() {
        return hosts.values();
    }

    public List<String> names() {
        return List.copyOf(hosts.keySet());
    }

    public int size() {
        return hosts.size();
    }
}
