package org.novasim.common.compute;

/**
 * One simulated host's inventory and usage, as Nova's resource tracker writes it to compute_nodes.
 * Capacity for scheduling is {@code (total - reserved) * ratio - used}.
 *
 * @param failedBuilds consecutive failed builds, reset by a success (Nova's build failure weigher reads it)
 */
public record HostReport(String host, String availabilityZone, boolean enabled,
                         int vcpus, int memoryMb, int localGb,
                         int vcpusUsed, int memoryMbUsed, int localGbUsed,
                         double cpuAllocationRatio, double ramAllocationRatio, double diskAllocationRatio,
                         int reservedHostMemoryMb, int reservedHostDiskMb,
                         int runningVms, int failedBuilds, String hypervisorType) {
}
