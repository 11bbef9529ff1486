package org.novasim.api.hypervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /compute/v2.1/os-hypervisors}, admin only, from memory: the hosts' last reports for usage, their
 * heartbeats for state, the services table for status. List, detail, show, statistics, search, servers and uptime
 * as microversion 2.1 has them.
 */
@RestController
@RequestMapping("/compute/v2.1/os-hypervisors")
class HypervisorsController {

    private static final String RULE = "os_compute_api:os-hypervisors";

    private final ComputeNodes nodes;
    private final HostInstances instances;
    private final JsonMapper json;
    private final Clock clock;
    private final Instant started;

    HypervisorsController(ComputeNodes nodes, HostInstances instances, JsonMapper json, Clock clock) {
        this.nodes = nodes;
        this.instances = instances;
        this.json = json;
        this.clock = clock;
        this.started = clock.instant();
    }

    @GetMapping
    Map<String, Object> list(RpcContext context) {
        Policy.requireAdmin(context, RULE + ":list");
        return Map.of(
                "hypervisors",
                nodes.all().stream().map(HypervisorViews::summary).toList());
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context, ApiVersion version) {
        Policy.requireAdmin(context, RULE + ":list-detail");
        return Map.of(
                "hypervisors",
                nodes.all().stream()
                        .map(node -> HypervisorViews.detail(node, version, json))
                        .toList());
    }

    @GetMapping("/statistics")
    Map<String, Object> statistics(RpcContext context) {
        Policy.requireAdmin(context, RULE + ":statistics");
        return Map.of("hypervisor_statistics", HypervisorViews.statistics(nodes.all()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, ApiVersion version, @PathVariable String id) {
        Policy.requireAdmin(context, RULE + ":show");
        return Map.of("hypervisor", HypervisorViews.detail(byId(id), version, json));
    }

    /** The host's uptime line, as {@code uptime} prints it; a simulated host has been up as long as this API. */
    @GetMapping("/{id}/uptime")
    Map<String, Object> uptime(RpcContext context, @PathVariable String id) {
        Policy.requireAdmin(context, RULE + ":uptime");
        ComputeNodes.Node node = byId(id);
        Map<String, Object> view = HypervisorViews.summary(node);
        Instant now = clock.instant();
        Duration up = Duration.between(started, now);
        view.put(
                "uptime",
                String.format(
                        " %s up %d days, %2d:%02d,  1 user,  load average: 0.00, 0.00, 0.00",
                        DateTimeFormatter.ofPattern("HH:mm:ss")
                                .withZone(ZoneOffset.UTC)
                                .format(now),
                        up.toDays(),
                        up.toHoursPart(),
                        up.toMinutesPart()));
        return Map.of("hypervisor", view);
    }

    @GetMapping("/{pattern}/search")
    Map<String, Object> search(RpcContext context, @PathVariable String pattern) {
        Policy.requireAdmin(context, RULE + ":search");
        return Map.of(
                "hypervisors",
                matching(pattern).stream().map(HypervisorViews::summary).toList());
    }

    @GetMapping("/{pattern}/servers")
    Map<String, Object> servers(RpcContext context, @PathVariable String pattern) {
        Policy.requireAdmin(context, RULE + ":servers");
        return Map.of(
                "hypervisors",
                matching(pattern).stream()
                        .map(node -> HypervisorViews.withServers(
                                node, instances.on(node.record().host())))
                        .toList());
    }

    /** Nova matches the hostname with SQL LIKE '%pattern%'. */
    private List<ComputeNodes.Node> matching(String pattern) {
        List<ComputeNodes.Node> found = nodes.all().stream()
                .filter(node -> node.record().hypervisorHostname().contains(pattern))
                .toList();
        if (found.isEmpty()) {
            throw ApiException.notFound("No hypervisor matching '" + pattern + "' could be found.");
        }
        return found;
    }

    private ComputeNodes.Node byId(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw ApiException.notFound("Hypervisor with ID '" + id + "' could not be found.");
        }
        return nodes.byId(Long.parseLong(id))
                .orElseThrow(() -> ApiException.notFound("Hypervisor with ID '" + id + "' could not be found."));
    }
}
