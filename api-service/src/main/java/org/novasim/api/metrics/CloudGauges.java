package org.novasim.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.novasim.api.hypervisor.ComputeNodes;
import org.novasim.api.instance.InstanceCounts;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceRecord;
import org.novasim.common.compute.HostReport;
import org.novasim.common.service.ServiceApi;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The cloud's state as gauges named as openstack-exporter names them, so its Grafana dashboards read novasim too:
 * {@code openstack_nova_running_vms}, {@code _vcpus_used}, {@code _vcpus_available}, {@code _memory_used_bytes},
 * {@code _memory_available_bytes}, {@code _local_storage_used_bytes}, {@code _local_storage_available_bytes},
 * {@code openstack_nova_agent_state} (1 up, 0 down) and {@code openstack_nova_total_vms}; plus novasim's own
 * {@code novasim_instances{status}} and {@code novasim_compute_hosts{state}}.
 *
 * <p>openstack-exporter gives one series per hypervisor. At 10,000 hosts that is a lot for a laptop's Prometheus,
 * so by default the host gauges are the cloud's sums (no {@code hostname} label) and {@code agent_state} lists the
 * services other than nova-compute; {@code novasim.metrics.per-host=true} gives openstack-exporter's per-host series.
 * Refreshed every {@code novasim.metrics.refresh} (10 s) from what the API keeps in memory and one grouped query.
 */
@Component
public class CloudGauges implements SchedulingConfigurer {

    private static final double MB = 1024d * 1024d;
    private static final double GB = MB * 1024d;
    private static final List<String> HOST_STATES = List.of("up", "down", "disabled", "forced_down");

    private final ComputeNodes nodes;
    private final ServiceDirectory services;
    private final InstanceCounts counts;
    private final boolean perHost;
    private final Duration refreshInterval;
    private final List<HostGauge> hostGauges = new ArrayList<>();
    private final SteadyMultiGauge agentState;
    private final SteadyMultiGauge instances;
    private final SteadyMultiGauge hostStates;
    private volatile long totalVms;

    private record HostGauge(SteadyMultiGauge gauge, ToDoubleFunction<HostReport> value) {}

    public CloudGauges(
            MeterRegistry registry,
            ComputeNodes nodes,
            ServiceDirectory services,
            InstanceCounts counts,
            MetricsProperties properties) {
        this.nodes = nodes;
        this.services = services;
        this.counts = counts;
        this.perHost = properties.perHost();
        this.refreshInterval = properties.refresh();
        host(registry, "openstack_nova_running_vms", "Running instances", HostReport::runningVms);
        host(registry, "openstack_nova_vcpus_used", "vCPUs used", HostReport::vcpusUsed);
        host(registry, "openstack_nova_vcpus_available", "vCPUs of the hosts", HostReport::vcpus);
        host(registry, "openstack_nova_memory_used_bytes", "Memory used", r -> r.memoryMbUsed() * MB);
        host(registry, "openstack_nova_memory_available_bytes", "Memory of the hosts", r -> r.memoryMb() * MB);
        host(registry, "openstack_nova_local_storage_used_bytes", "Disk used", r -> r.localGbUsed() * GB);
        host(registry, "openstack_nova_local_storage_available_bytes", "Disk of the hosts", r -> r.localGb() * GB);
        agentState =
                new SteadyMultiGauge(registry, "openstack_nova_agent_state", "1 when the service is up, 0 when down");
        instances = new SteadyMultiGauge(registry, "novasim.instances", "Live servers by status");
        hostStates = new SteadyMultiGauge(registry, "novasim.compute.hosts", "Compute hosts by state");
        Gauge.builder("openstack_nova_total_vms", this, gauges -> gauges.totalVms)
                .description("Live servers")
                .register(registry);
        Gauge.builder("openstack_nova_up", () -> 1)
                .description("The compute API answers")
                .register(registry);
    }

    private void host(MeterRegistry registry, String name, String description, ToDoubleFunction<HostReport> value) {
        hostGauges.add(new HostGauge(new SteadyMultiGauge(registry, name, description), value));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, refreshInterval, Duration.ZERO));
    }

    public void refresh() {
        List<ComputeNodes.Node> all = nodes.all();
        for (HostGauge gauge : hostGauges) {
            gauge.gauge().set(hostRows(all, gauge.value()));
        }
        agentState.set(agentRows());
        Map<String, Long> byStatus = counts.byStatus(null);
        totalVms = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<Tags, Double> statuses = new LinkedHashMap<>();
        byStatus.forEach((status, count) -> statuses.put(Tags.of("status", status), count.doubleValue()));
        instances.set(statuses);
        hostStates.set(hostStateRows(all));
    }

    private Map<Tags, Double> hostRows(List<ComputeNodes.Node> all, ToDoubleFunction<HostReport> value) {
        Map<Tags, Double> rows = new LinkedHashMap<>();
        double sum = 0;
        for (ComputeNodes.Node node : all) {
            if (node.report() == null) {
                continue;
            }
            double v = value.applyAsDouble(node.report());
            sum += v;
            if (perHost) {
                rows.put(
                        Tags.of(
                                "hostname",
                                node.record().host(),
                                "availability_zone",
                                node.service().zone()),
                        v);
            }
        }
        if (!perHost) {
            rows.put(Tags.empty(), sum);
        }
        return rows;
    }

    private Map<Tags, Double> agentRows() {
        Map<Tags, Double> rows = new LinkedHashMap<>();
        for (ServiceRecord service : services.all()) {
            if (!perHost && ServiceApi.NOVA_COMPUTE.equals(service.binary())) {
                continue;
            }
            rows.put(
                    Tags.of(
                            "hostname",
                            service.host(),
                            "service",
                            service.binary(),
                            "zone",
                            service.zone() == null ? "" : service.zone(),
                            "adminState",
                            service.disabled() ? "disabled" : "enabled"),
                    services.isUp(service) ? 1d : 0d);
        }
        return rows;
    }

    private static Map<Tags, Double> hostStateRows(List<ComputeNodes.Node> all) {
        long[] byState = new long[HOST_STATES.size()];
        for (ComputeNodes.Node node : all) {
            byState[node.up() ? 0 : 1]++;
            if (node.service().disabled()) {
                byState[2]++;
            }
            if (node.service().forcedDown()) {
                byState[3]++;
            }
        }
        Map<Tags, Double> rows = new LinkedHashMap<>();
        for (int i = 0; i < byState.length; i++) {
            rows.put(Tags.of("state", HOST_STATES.get(i)), (double) byState[i]);
        }
        return rows;
    }
}
