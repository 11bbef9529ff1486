package org.novasim.scheduler.host;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.novasim.common.compute.Capacity;
import org.novasim.common.compute.HostReport;
import org.novasim.common.instance.FlavorSpec;

/**
 * What this scheduler believes about one host: the last report the host sent, plus the claims made since then by
 * this scheduler and by the others (which share theirs). A claim counts on top of the reports until a report
 * lists the instance as settled (the host took the build in, so its usage holds it, or refused it), or, for a
 * build that never reached the host, until {@code claimTimeout}. That keeps concurrent requests from picking the
 * same last free slot, without counting an instance twice once the host reports it.
 *
 * <p>Decisions read an immutable {@link Snapshot} without locking: at 10,000 hosts a decision reads every host,
 * and claims are rare in comparison. Changes are synchronized and publish a new snapshot.
 */
public final class HostState {

    private record Claim(int vcpus, int memoryMb, int diskGb, Instant madeAt) {}

    /** The host as filters and weighers see it: its last report, its heartbeat and what is free after claims. */
    public record Snapshot(
            HostReport report, Instant lastHeartbeat, long freeVcpus, long freeMemoryMb, long freeDiskGb, int claims) {}

    private final String host;
    private final Map<String, Claim> claims = new HashMap<>();
    private int claimedVcpus;
    private int claimedMemoryMb;
    private int claimedDiskGb;
    private HostReport report;
    private Instant lastHeartbeat;
    private volatile Snapshot snapshot;

    public HostState(HostReport report, Instant receivedAt) {
        this.host = report.host();
        this.report = report;
        this.lastHeartbeat = receivedAt;
        publish();
    }

    public String host() {
        return host;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public HostReport report() {
        return snapshot.report();
    }

    public Instant lastHeartbeat() {
        return snapshot.lastHeartbeat();
    }

    public boolean isUp(Instant now, Duration serviceDownTime) {
        return Duration.between(snapshot.lastHeartbeat(), now).compareTo(serviceDownTime) <= 0;
    }

    public long freeVcpus() {
        return snapshot.freeVcpus();
    }

    public long freeMemoryMb() {
        return snapshot.freeMemoryMb();
    }

    public long freeDiskGb() {
        return snapshot.freeDiskGb();
    }

    public boolean fits(FlavorSpec flavor) {
        return fits(snapshot, flavor.vcpus(), flavor.memoryMb(), flavor.diskGb());
    }

    /** Claims this scheduler has not yet seen the host account for. */
    public int pendingClaims() {
        return snapshot.claims();
    }

    /** A new report: the host's own numbers, and the instances it has settled, whose claims can go. */
    public synchronized void update(HostReport newReport, Instant receivedAt, Duration claimTimeout) {
        report = newReport;
        lastHeartbeat = receivedAt;
        if (!claims.isEmpty()) {
            Set<String> settled =
                    newReport.settledInstances().isEmpty() ? Set.of() : new HashSet<>(newReport.settledInstances());
            Instant expired = receivedAt.minus(claimTimeout);
            for (Iterator<Map.Entry<String, Claim>> it = claims.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Claim> entry = it.next();
                if (settled.contains(entry.getKey())
                        || entry.getValue().madeAt().isBefore(expired)) {
                    it.remove();
                    subtract(entry.getValue());
                }
            }
        }
        publish();
    }

    /** Claims the flavor for the instance if it still fits; atomic against concurrent claims on this host. */
    public synchronized boolean claim(String instanceUuid, FlavorSpec flavor, Instant now) {
        if (claims.containsKey(instanceUuid)) {
            return true;
        }
        if (!fits(snapshot, flavor.vcpus(), flavor.memoryMb(), flavor.diskGb())) {
            return false;
        }
        add(instanceUuid, new Claim(flavor.vcpus(), flavor.memoryMb(), flavor.diskGb(), now));
        return true;
    }

    /**
     * Counts a claim another scheduler made, whether or not it fits in this scheduler's view: it was made, and the
     * host's claim will decide.
     */
    public synchronized void claimedElsewhere(String instanceUuid, int vcpus, int memoryMb, int diskGb, Instant now) {
        if (!claims.containsKey(instanceUuid)) {
            add(instanceUuid, new Claim(vcpus, memoryMb, diskGb, now));
        }
    }

    /** Gives back a claim made here (the request failed before the build was sent). */
    public synchronized void release(String instanceUuid) {
        Claim claim = claims.remove(instanceUuid);
        if (claim != null) {
            subtract(claim);
            publish();
        }
    }

    private void add(String instanceUuid, Claim claim) {
        claims.put(instanceUuid, claim);
        claimedVcpus += claim.vcpus();
        claimedMemoryMb += claim.memoryMb();
        claimedDiskGb += claim.diskGb();
        publish();
    }

    private void subtract(Claim claim) {
        claimedVcpus -= claim.vcpus();
        claimedMemoryMb -= claim.memoryMb();
        claimedDiskGb -= claim.diskGb();
    }

    private void publish() {
        snapshot = new Snapshot(
                report,
                lastHeartbeat,
                Capacity.vcpus(report).usable() - report.vcpusUsed() - claimedVcpus,
                Capacity.memoryMb(report).usable() - report.memoryMbUsed() - claimedMemoryMb,
                Capacity.diskGb(report).usable() - report.localGbUsed() - claimedDiskGb,
                claims.size());
    }

    private static boolean fits(Snapshot snapshot, int vcpus, int memoryMb, int diskGb) {
        return snapshot.freeVcpus() >= vcpus && snapshot.freeMemoryMb() >= memoryMb && snapshot.freeDiskGb() >= diskGb;
    }
}
