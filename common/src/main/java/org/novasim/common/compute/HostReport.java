package org.novasim.common.compute;

import java.util.List;
import org.novasim.common.rpc.Since;

/**
 * One simulated host's inventory and usage, as Nova's resource tracker writes it to compute_nodes.
 * Totals are the host's size; used is what its instances hold (reserved not included); what is left to hand out
 * is {@code (total - reserved) * ratio - used}, see {@link Capacity}.
 *
 * @param failedBuilds     consecutive failed builds, reset by a success (Nova's build failure weigher reads it)
 * @param hypervisorType   what the host's hypervisor calls itself (QEMU by default), matched against images
 * @param architecture     the host's CPU architecture (x86_64 by default), matched against images
 * @param currentWorkload  builds running or waiting for a build slot on the host (the hypervisors API shows it)
 * @param hostIp           the host's management address
 * @param settledInstances instances whose build request the host has taken in (claimed, or refused) recently:
 *                         the usage in this report accounts for them, so a scheduler can drop its own claim for
 *                         them instead of counting it twice. Since 1.1; empty from older hosts.
 */
public record HostReport(
        String host,
        String availabilityZone,
        boolean enabled,
        int vcpus,
        int memoryMb,
        int localGb,
        int vcpusUsed,
        int memoryMbUsed,
        int localGbUsed,
        double cpuAllocationRatio,
        double ramAllocationRatio,
        double diskAllocationRatio,
        int reservedHostMemoryMb,
        int reservedHostDiskMb,
        int runningVms,
        int failedBuilds,
        String hypervisorType,
        String architecture,
        @Since("1.1") int currentWorkload,
        @Since("1.1") String hostIp,
        @Since("1.1") List<String> settledInstances) {

    public HostReport {
        settledInstances = settledInstances == null ? List.of() : List.copyOf(settledInstances);
    }
}
