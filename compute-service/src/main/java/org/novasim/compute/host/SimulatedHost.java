package org.novasim.compute.host;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.novasim.common.compute.Capacity;
import org.novasim.common.compute.HostReport;
import org.novasim.compute.resource.ResourceTracker;

/** One simulated compute host: its size, its claims, its build slots and its recent build failures. */
public final class SimulatedHost {

    private final String name;
    private final HostGroup spec;
    private final String hostIp;
    private final ResourceTracker tracker;
    private final BuildLimiter builds;
    private final SettledInstances settled;
    private final AtomicInteger failedBuilds = new AtomicInteger();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private volatile boolean enabled = true;

    public SimulatedHost(
            String name,
            HostGroup spec,
            String hostIp,
            int maxConcurrentBuilds,
            Executor workers,
            Duration settledRetention) {
        this.name = name;
        this.spec = spec;
        this.hostIp = hostIp;
        this.tracker = new ResourceTracker(
                new Capacity(spec.vcpus(), 0, spec.cpuAllocationRatio()),
                new Capacity(spec.memoryMb(), spec.reservedHostMemoryMb(), spec.ramAllocationRatio()),
                new Capacity(spec.diskGb(), spec.reservedHostDiskMb() / 1024, spec.diskAllocationRatio()));
        this.builds = new BuildLimiter(maxConcurrentBuilds, workers);
        this.settled = new SettledInstances(settledRetention);
    }

    public String name() {
        return name;
    }

    public ResourceTracker tracker() {
        return tracker;
    }

    public BuildLimiter builds() {
        return builds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        markChanged();
    }

    /** Nova counts consecutive failures and resets on success, for the build failure weigher. */
    public void buildFailed() {
        failedBuilds.incrementAndGet();
        markChanged();
    }

    public void buildSucceeded() {
        failedBuilds.set(0);
        markChanged();
    }

    /**
     * The host has taken in the build request of the instance: its claim is in the tracker, or was refused.
     * Call after claiming, never before, so a report never lists an instance its usage does not yet hold.
     */
    public void settled(String instanceUuid, Instant now) {
        settled.add(instanceUuid, now);
        markChanged();
    }

    /** Usage changed since the last report (a claim, a free, a failure). */
    public void markChanged() {
        changed.set(true);
    }

    /** True once per change: the caller reports the host. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
    }

    public HostReport report(int runningVms, Instant now) {
        // Settled instances first, usage second: a claim made in between is then counted twice for one report
        // (harmless), never missed.
        List<String> recentlySettled = settled.recent(now);
        ResourceTracker.Usage used = tracker.used();
        return new HostReport(
                name,
                spec.availabilityZone(),
                enabled,
                spec.vcpus(),
                spec.memoryMb(),
                spec.diskGb(),
                used.vcpus(),
                used.memoryMb(),
                used.diskGb(),
                spec.cpuAllocationRatio(),
                spec.ramAllocationRatio(),
                spec.diskAllocationRatio(),
                spec.reservedHostMemoryMb(),
                spec.reservedHostDiskMb(),
                runningVms,
                failedBuilds.get(),
                spec.hypervisorType(),
                spec.architecture(),
                builds.running() + builds.waiting(),
                hostIp,
                recentlySettled);
    }
}
