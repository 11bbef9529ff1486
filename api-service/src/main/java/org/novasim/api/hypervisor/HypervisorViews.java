package org.novasim.api.hypervisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiVersion;
import org.novasim.common.compute.HostReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hypervisors as the Compute API v2.1 shows them. Used figures include the host's reserved memory and disk, as
 * Nova's resource tracker counts them, so {@code free_ram_mb = memory_mb - memory_mb_used}; vCPUs are physical
 * (the allocation ratio is the scheduler's business).
 */
final class HypervisorViews {

    /** The simulated hypervisor's version: QEMU 7.2.0, Debian 12's, as Nova encodes it. */
    static final int HYPERVISOR_VERSION = 7_002_000;

    private HypervisorViews() {}

    static Map<String, Object> summary(ComputeNodes.Node node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", node.record().id());
        view.put("hypervisor_hostname", node.record().hypervisorHostname());
        view.put("state", node.up() ? "up" : "down");
        view.put("status", node.service().disabled() ? "disabled" : "enabled");
        return view;
    }

    static Map<String, Object> detail(ComputeNodes.Node node, ApiVersion version, JsonMapper json) {
        Map<String, Object> view = summary(node);
        Usage usage = Usage.of(node.report());
        HostReport report = node.report();
        Map<String, Object> cpuInfo = cpuInfo(report);
        // A JSON document in a string until 2.28, an object from then on.
        view.put("cpu_info", version.atLeast(2, 28) ? cpuInfo : json.writeValueAsString(cpuInfo));
        view.put("current_workload", report == null ? 0 : report.currentWorkload());
        view.put("disk_available_least", usage.freeDiskGb());
        view.put("free_disk_gb", usage.freeDiskGb());
        view.put("free_ram_mb", usage.freeRamMb());
        view.put("host_ip", report == null ? null : report.hostIp());
        view.put("hypervisor_type", report == null ? "QEMU" : report.hypervisorType());
        view.put("hypervisor_version", HYPERVISOR_VERSION);
        view.put("local_gb", usage.localGb());
        view.put("local_gb_used", usage.localGbUsed());
        view.put("memory_mb", usage.memoryMb());
        view.put("memory_mb_used", usage.memoryMbUsed());
        view.put("running_vms", report == null ? 0 : report.runningVms());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", node.record().host());
        service.put(
                "id",
                version.atLeast(2, 53) ? node.service().uuid() : node.service().id());
        service.put("disabled_reason", node.service().disabledReason());
        view.put("service", service);
        view.put("vcpus", usage.vcpus());
        view.put("vcpus_used", usage.vcpusUsed());
        return view;
    }

    static Map<String, Object> withServers(ComputeNodes.Node node, List<HostInstances.OnHost> servers) {
        Map<String, Object> view = summary(node);
        if (!servers.isEmpty()) {
            view.put(
                    "servers",
                    servers.stream()
                            .map(s -> Map.of("name", s.name(), "uuid", s.uuid()))
                            .toList());
        }
        return view;
    }

    static Map<String, Object> statistics(List<ComputeNodes.Node> nodes) {
        long[] sums = new long[10];
        for (ComputeNodes.Node node : nodes) {
            Usage usage = Usage.of(node.report());
            HostReport report = node.report();
            sums[0] += usage.vcpus();
            sums[1] += usage.vcpusUsed();
            sums[2] += usage.memoryMb();
            sums[3] += usage.memoryMbUsed();
            sums[4] += usage.freeRamMb();
            sums[5] += usage.localGb();
            sums[6] += usage.localGbUsed();
            sums[7] += usage.freeDiskGb();
            sums[8] += report == null ? 0 : report.runningVms();
            sums[9] += report == null ? 0 : report.currentWorkload();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", nodes.size());
        view.put("current_workload", sums[9]);
        view.put("disk_available_least", sums[7]);
        view.put("free_disk_gb", sums[7]);
        view.put("free_ram_mb", sums[4]);
        view.put("local_gb", sums[5]);
        view.put("local_gb_used", sums[6]);
        view.put("memory_mb", sums[2]);
        view.put("memory_mb_used", sums[3]);
        view.put("running_vms", sums[8]);
        view.put("vcpus", sums[0]);
        view.put("vcpus_used", sums[1]);
        return view;
    }

    private static Map<String, Object> cpuInfo(HostReport report) {
        Map<String, Object> topology = new LinkedHashMap<>();
        topology.put("cores", report == null ? 1 : Math.max(1, report.vcpus()));
        topology.put("threads", 1);
        topology.put("sockets", 1);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("arch", report == null ? "x86_64" : report.architecture());
        info.put("model", "Nehalem");
        info.put("vendor", "Intel");
        info.put("topology", topology);
        info.put("features", List.of("pge", "clflush", "sse2", "vmx"));
        return info;
    }

    /** A host's figures as Nova's compute_nodes row has them; zeros for a host not heard from yet. */
    record Usage(int vcpus, int vcpusUsed, int memoryMb, int memoryMbUsed, int localGb, int localGbUsed) {

        static Usage of(HostReport report) {
            if (report == null) {
                return new Usage(0, 0, 0, 0, 0, 0);
            }
            return new Usage(
                    report.vcpus(),
                    report.vcpusUsed(),
                    report.memoryMb(),
                    report.memoryMbUsed() + report.reservedHostMemoryMb(),
                    report.localGb(),
                    report.localGbUsed() + report.reservedHostDiskMb() / 1024);
        }

        int freeRamMb() {
            return memoryMb - memoryMbUsed;
        }

        int freeDiskGb() {
            return localGb - localGbUsed;
        }
    }
}
