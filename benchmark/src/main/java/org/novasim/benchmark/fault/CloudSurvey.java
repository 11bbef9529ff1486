package org.novasim.benchmark.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.novasim.benchmark.api.NovaClient;
import tools.jackson.databind.JsonNode;

/**
 * What a fault must never leave behind, read through the APIs once the launches have settled: an address held by
 * two servers, a host holding more than its capacity, a port bound to an instance that does not exist.
 *
 * @param duplicateAddresses  "network address: server, server" for every address two live servers share
 * @param hostsOverCapacity   "host: what is over" for every host above (total − reserved) × ratio
 * @param portsWithoutInstance ports whose device is an instance that no longer exists (compute-owned ports only)
 * @param serverNames         every live server's name, by id
 */
public record CloudSurvey(
        int servers,
        List<String> duplicateAddresses,
        List<String> hostsOverCapacity,
        List<String> portsWithoutInstance,
        Map<String, String> serverNames) {

    /** Nova's allocation ratios, which the hypervisors API does not show: given on the command line. */
    public record Ratios(double cpu, double ram, double disk) {}

    static CloudSurvey read(NovaClient client, Ratios ratios) {
        JsonNode servers =
                client.get("/compute/v2.1/servers/detail?all_tenants=1").path("servers");
        Map<String, String> live = new TreeMap<>();
        Map<String, List<String>> holders = new TreeMap<>();
        for (JsonNode server : servers) {
            String id = server.path("id").asString();
            live.put(id, server.path("name").asString());
            for (Map.Entry<String, JsonNode> network : server.path("addresses").properties()) {
                for (JsonNode address : network.getValue()) {
                    holders.computeIfAbsent(
                                    network.getKey() + " "
                                            + address.path("addr").asString(),
                                    k -> new ArrayList<>())
                            .add(id);
                }
            }
        }
        List<String> duplicates = new ArrayList<>();
        holders.forEach((address, ids) -> {
            if (ids.size() > 1) {
                duplicates.add(address + ": " + String.join(", ", ids));
            }
        });
        List<String> over = new ArrayList<>();
        for (JsonNode h : client.get("/compute/v2.1/os-hypervisors/detail").path("hypervisors")) {
            Map<String, String> exceeded = new LinkedHashMap<>();
            check(
                    exceeded,
                    "vcpus",
                    h.path("vcpus_used").asDouble(),
                    h.path("vcpus").asDouble() * ratios.cpu());
            check(
                    exceeded,
                    "memory_mb",
                    h.path("memory_mb_used").asDouble(),
                    h.path("memory_mb").asDouble() * ratios.ram());
            check(
                    exceeded,
                    "local_gb",
                    h.path("local_gb_used").asDouble(),
                    h.path("local_gb").asDouble() * ratios.disk());
            if (!exceeded.isEmpty()) {
                over.add(h.path("hypervisor_hostname").asString() + ": " + exceeded);
            }
        }
        List<String> orphans = new ArrayList<>();
        for (JsonNode port : client.get("/network/v2.0/ports").path("ports")) {
            String device = port.path("device_id").asString("");
            if (port.path("device_owner").asString("").startsWith("compute:")
                    && !device.isEmpty()
                    && !live.containsKey(device)) {
                orphans.add(port.path("id").asString() + " (instance " + device + ")");
            }
        }
        return new CloudSurvey(servers.size(), duplicates, over, orphans, live);
    }

    private static void check(Map<String, String> exceeded, String what, double used, double capacity) {
        if (used > capacity) {
            exceeded.put(what, used + " > " + capacity);
        }
    }
}
