package org.novasim.compute.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** Every host this process simulates, by name. */
public final class SimulatedHosts {

    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();

    public SimulatedHosts(List<HostGroup> groups, int maxConcurrentBuilds, Executor workers) {
        for (HostGroup group : groups) {
            for (String name : group.hostNames()) {
                if (hosts.putIfAbsent(name, new SimulatedHost(name, group, maxConcurrentBuilds, workers)) != null) {
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
