package org.novasim.api.zone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novasim.api.service.LegacyTimestamps;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceRecord;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compute/v2.1/os-availability-zone}, as Nova derives zones from services: a zone is available when one
 * of its services is enabled, unavailable when all of them are disabled. The summary (for everyone) hides the
 * {@code internal} zone of the non-compute services; the detail (admins) shows every zone with its hosts and their
 * services, up or down.
 */
@RestController
@RequestMapping("/compute/v2.1/os-availability-zone")
class AvailabilityZonesController {

    static final String INTERNAL = "internal";

    private final ServiceDirectory services;

    AvailabilityZonesController(ServiceDirectory services) {
        this.services = services;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context) {
        Zones zones = Zones.of(services.all());
        List<Map<String, Object>> info = new ArrayList<>();
        zones.available().stream()
                .filter(zone -> !INTERNAL.equals(zone))
                .forEach(zone -> info.add(zone(zone, true, null)));
        zones.unavailable().stream()
                .filter(zone -> !INTERNAL.equals(zone))
                .forEach(zone -> info.add(zone(zone, false, null)));
        return Map.of("availabilityZoneInfo", info);
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context) {
        Policy.requireAdmin(context, "os_compute_api:os-availability-zone:detail");
        List<ServiceRecord> all = services.all();
        Zones zones = Zones.of(all);
        List<Map<String, Object>> info = new ArrayList<>();
        for (String zone : zones.available()) {
            Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
            for (ServiceRecord service : all) {
                if (service.disabled() || !zone.equals(service.zone())) {
                    continue;
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("available", services.isUp(service));
                state.put("active", true);
                state.put(
                        "updated_at",
                        LegacyTimestamps.of(
                                services.lastHeartbeat(service.key()).orElse(service.updatedAt())));
                hosts.computeIfAbsent(service.host(), host -> new LinkedHashMap<>())
                        .put(service.binary(), state);
            }
            info.add(zone(zone, true, hosts));
        }
        zones.unavailable().forEach(zone -> info.add(zone(zone, false, null)));
        return Map.of("availabilityZoneInfo", info);
    }

    private static Map<String, Object> zone(String name, boolean available, Object hosts) {
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("zoneName", name);
        zone.put("zoneState", Map.of("available", available));
        zone.put("hosts", hosts);
        return zone;
    }

    /** Zones with an enabled service, and zones whose services are all disabled. */
    record Zones(Set<String> available, Set<String> unavailable) {

        static Zones of(List<ServiceRecord> services) {
            Set<String> available = new LinkedHashSet<>();
            Set<String> unavailable = new LinkedHashSet<>();
            services.stream().filter(s -> !s.disabled()).forEach(s -> available.add(s.zone()));
            services.stream()
                    .filter(ServiceRecord::disabled)
                    .filter(s -> !available.contains(s.zone()))
                    .forEach(s -> unavailable.add(s.zone()));
            return new Zones(available, unavailable);
        }
    }
}
