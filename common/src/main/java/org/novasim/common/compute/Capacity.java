package org.novasim.common.compute;

/**
 * How much of one resource a host can hand out, as Placement computes it: {@code (total - reserved) * ratio}.
 * Part of the contract because the compute host (whose claim is final) and the scheduler (which claims ahead)
 * must read a {@link HostReport} the same way.
 */
public record Capacity(int total, int reserved, double allocationRatio) {

    public long usable() {
        return (long) Math.floor(Math.max(0, total - reserved) * allocationRatio);
    }

    /** True when {@code used + requested} stays within what the host may hand out. */
    public boolean fits(long used, long requested) {
        return used + requested <= usable();
    }

    public static Capacity vcpus(HostReport report) {
        return new Capacity(report.vcpus(), 0, report.cpuAllocationRatio());
    }

    public static Capacity memoryMb(HostReport report) {
        return new Capacity(report.memoryMb(), report.reservedHostMemoryMb(), report.ramAllocationRatio());
    }

    public static Capacity diskGb(HostReport report) {
        return new Capacity(report.localGb(), report.reservedHostDiskMb() / 1024, report.diskAllocationRatio());
    }
}
