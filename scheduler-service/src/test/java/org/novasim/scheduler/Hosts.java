package org.novasim.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.novasim.common.compute.HostReport;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.ServerGroupInfo;

/** Builders of reports and requests for scheduler tests. */
public final class Hosts {

    public static final FlavorSpec TINY = new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of());
    public static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());
    public static final FlavorSpec XLARGE = new FlavorSpec("5", "m1.xlarge", 8, 16384, 160, 0, 0, Map.of());
    public static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private Hosts() {}

    /** A host like the defaults: 16 vCPU, 32 GB (512 MB reserved), 500 GB, ratios 4/1/1. */
    public static HostReport host(String name) {
        return used(name, 0, 0, 0);
    }

    public static HostReport used(String name, int vcpus, int memoryMb, int diskGb) {
        return new HostReport(
                name,
                "nova",
                true,
                16,
                32768,
                500,
                vcpus,
                memoryMb,
                diskGb,
                4.0,
                1.0,
                1.0,
                512,
                0,
                0,
                0,
                "QEMU",
                "x86_64",
                0,
                "192.0.2.1",
                List.of());
    }

    public static HostReport withMemory(String name, int memoryMb) {
        return new HostReport(
                name,
                "nova",
                true,
                16,
                memoryMb,
                500,
                0,
                0,
                0,
                4.0,
                1.0,
                1.0,
                0,
                0,
                0,
                0,
                "QEMU",
                "x86_64",
                0,
                "192.0.2.1",
                List.of());
    }

    /** A host's report with other fields changed: its zone, whether it is enabled, its failed builds ... */
    public static HostReport with(
            HostReport r, String zone, boolean enabled, int failedBuilds, String architecture, List<String> settled) {
        return new HostReport(
                r.host(),
                zone,
                enabled,
                r.vcpus(),
                r.memoryMb(),
                r.localGb(),
                r.vcpusUsed(),
                r.memoryMbUsed(),
                r.localGbUsed(),
                r.cpuAllocationRatio(),
                r.ramAllocationRatio(),
                r.diskAllocationRatio(),
                r.reservedHostMemoryMb(),
                r.reservedHostDiskMb(),
                r.runningVms(),
                failedBuilds,
                r.hypervisorType(),
                architecture,
                r.currentWorkload(),
                r.hostIp(),
                settled);
    }

    public static HostReport settled(HostReport r, String... instances) {
        return with(r, r.availabilityZone(), r.enabled(), r.failedBuilds(), r.architecture(), List.of(instances));
    }

    public static RequestSpec spec(FlavorSpec flavor) {
        return new RequestSpec("p1", flavor, new ImageSpec("img", "cirros", Map.of()), null, Map.of(), null, null);
    }

    public static RequestSpec inGroup(FlavorSpec flavor, String policy, String... hosts) {
        return new RequestSpec(
                "p1",
                flavor,
                new ImageSpec("img", "cirros", Map.of()),
                null,
                Map.of(),
                new ServerGroupInfo("g1", policy, List.of(hosts)),
                null);
    }
}
