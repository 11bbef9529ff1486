package org.novasim.api.hypervisor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.novasim.api.service.HostEnablement;
import org.novasim.api.service.NewService;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceRecord;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.service.ServiceApi;
import org.springframework.stereotype.Component;

/**
 * Every compute host the API knows: its node record (ids, from the database) and its last report (usage, in
 * memory). Reports are the hosts' heartbeats; a host heard of for the first time gets its service and node rows,
 * in one batch per report message.
 */
@Component
public class ComputeNodes {

    /** What the hypervisors API shows of one host. */
    public record Node(ComputeNodeRecord record, ServiceRecord service, HostReport report, boolean up) {}

    private final ComputeNodeStore store;
    private final ServiceDirectory services;
    private final HostEnablement enablement;
    private final Clock clock;
    private final ConcurrentMap<String, ComputeNodeRecord> nodes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HostReport> reports = new ConcurrentHashMap<>();

    public ComputeNodes(ComputeNodeStore store, ServiceDirectory services, HostEnablement enablement, Clock clock) {
        this.store = store;
        this.services = services;
        this.enablement = enablement;
        this.clock = clock;
        store.all().forEach(node -> nodes.put(node.host(), node));
    }

    public void onReports(HostReports batch) {
        Instant now = clock.instant();
        List<NewService> heard = new ArrayList<>(batch.hosts().size());
        for (HostReport report : batch.hosts()) {
            heard.add(new NewService(
                    report.host(), ServiceApi.NOVA_COMPUTE, ComputeApi.TOPIC, report.availabilityZone()));
        }
        services.heard(heard, now);
        // In report order, so hypervisor ids follow the hosts' order.
        Map<String, Long> unknown = new LinkedHashMap<>();
        for (HostReport report : batch.hosts()) {
            reports.put(report.host(), report);
            if (!nodes.containsKey(report.host())) {
                services.compute(report.host()).ifPresent(service -> unknown.put(report.host(), service.id()));
            }
        }
        if (!unknown.isEmpty()) {
            store.insert(unknown, now).forEach(node -> nodes.put(node.host(), node));
        }
        for (HostReport report : batch.hosts()) {
            services.compute(report.host()).ifPresent(service -> enablement.reconcile(report, service, now));
        }
    }

    /** Every node whose service still exists, by id. */
    public List<Node> all() {
        List<Node> all = new ArrayList<>(nodes.size());
        for (ComputeNodeRecord record : nodes.values()) {
            node(record).ifPresent(all::add);
        }
        all.sort(Comparator.comparingLong(node -> node.record().id()));
        return all;
    }

    public Optional<Node> byId(long id) {
        return nodes.values().stream()
                .filter(node -> node.id() == id)
                .findFirst()
                .flatMap(this::node);
    }

    public Optional<Node> byHost(String host) {
        ComputeNodeRecord record = nodes.get(host);
        return record == null ? Optional.empty() : node(record);
    }

    /** The host's service went (deleted by an operator); its node row went with it. */
    public void forget(String host) {
        nodes.remove(host);
        reports.remove(host);
    }

    private Optional<Node> node(ComputeNodeRecord record) {
        return services.compute(record.host())
                .map(service -> new Node(record, service, reports.get(record.host()), services.isUp(service)));
    }
}
