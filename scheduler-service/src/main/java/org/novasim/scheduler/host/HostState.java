package org.novasim.scheduler.host;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.novasim.common.compute.Capacity;
import org.novasim.common.compute.HostReport;
import org.novasim.common.instance.FlavorSpec;

/**
 * What this scheduler believes about one host: the last report the host sent, plus the claims this scheduler made
 * since then. A claim counts on top of the reports until a report received {@code claimGrace} after it, by which
 * time the host's own numbers include it (or the host refused the build). That keeps concurrent requests from
 * picking the same last free slot, without waiting for the host.
 */
public final class HostState {

    private record Claim(int vcpus, int memoryMb, int diskGb, Instant madeAt) {
    }

    private final String host;
    private HostReport report;
    private Instant lastHeartbeat;
    private final Map<String, Claim> claims = new HashMap<>();
    private int claimedVcpus;
    private int claimedMemoryMb;
    private int claimedDiskGb;

    public HostState(HostReport report, Instant receivedAt) {
        this.host = report.host();
        this.report = report;
        this.lastHeartbeat = receivedAt;
    }

    public String host() {
        return host;
    }

    public synchronized HostReport report() {
        return report;
    }

    public synchronized Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    public synchronized void update(HostReport newReport, Instant receivedAt, Duration claimGrace) {
        report = newReport;
        lastHeartbeat = receivedAt;
        Instant settled = receivedAt.minus(claimGrace);
        for (Iterator<Claim> it = claims.values().iterator(); it.hasNext(); ) {
            Claim claim = it.next();
            if (claim.madeAt().isBefore(settled)) {
                it.remove();
                subtract(claim);
            }
        }
    }

    public synchronized boolean isUp(Instant now, Duration serviceDownTime) {
        return Duration.between(lastHeartbeat, now).compareTo(serviceDownTime) <= 0;
    }

    public synchronized long freeVcpus() {
        return Capacity.vcpus(report).usable() - report.vcpusUsed() - claimedVcpus;
    }

    public synchronized long freeMemoryMb() {
        return Capacity.memoryMb(report).usable() - report.memoryMbUsed() - claimedMemoryMb;
    }

    public synchronized long freeDiskGb() {
        return Capacity.diskGb(report).usable() - report.localGbUsed() - claimedDiskGb;
    }

    public synchronized boolean fits(FlavorSpec flavor) {
        return freeVcpus() >= flavor.vcpus() && freeMemoryMb() >= flavor.memoryMb() && freeDiskGb() >= flavor.diskGb();
    }

    /** Claims the flavor for the instance if it still fits; atomic against concurrent claims on this host. */
    public synchronized boolean claim(String instanceUuid, FlavorSpec flavor, Instant now) {
        if (claims.containsKey(instanceUuid)) {
            return true;
        }
        if (!fits(flavor)) {
            return false;
        }
        Claim claim = new Claim(flavor.vcpus(), flavor.memoryMb(), flavor.diskGb(), now);
        claims.put(instanceUuid, claim);
        claimedVcpus += claim.vcpus();
        claimedMemoryMb += claim.memoryMb();
        claimedDiskGb += claim.diskGb();
        return true;
    }

    /** Gives back a claim made here (the request failed before the build was sent). */
    public synchronized void release(String instanceUuid) {
        Claim claim = claims.remove(instanceUuid);
        if (claim != null) {
            subtract(claim);
        }
    }

    private void subtract(Claim claim) {
        claimedVcpus -= claim.vcpus();
        claimedMemoryMb -= claim.memoryMb();
        claimedDiskGb -= claim.diskGb();
    }
}
