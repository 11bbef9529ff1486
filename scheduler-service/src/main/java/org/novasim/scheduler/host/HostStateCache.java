package org.novasim.scheduler.host;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.scheduler.HostClaim;

/**
 * Every host this scheduler has heard of, kept current by the compute processes' report fanouts and by the
 * claims other schedulers share. Decisions iterate an array of the hosts, replaced only when a host appears.
 */
public final class HostStateCache {

    private final ConcurrentMap<String, HostState> hosts = new ConcurrentHashMap<>();
    private volatile HostState[] array = new HostState[0];
    private final Clock clock;
    private final Duration claimTimeout;

    public HostStateCache(Clock clock, Duration claimTimeout) {
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    public void onReports(HostReports reports) {
        Instant now = clock.instant();
        boolean added = false;
        for (HostReport report : reports.hosts()) {
            HostState state = hosts.get(report.host());
            if (state == null) {
                HostState fresh = new HostState(report, now);
                state = hosts.putIfAbsent(report.host(), fresh);
                if (state == null) {
                    added = true;
                    continue;
                }
            }
            state.update(report, now, claimTimeout);
        }
        if (added) {
            synchronized (this) {
                array = hosts.values().toArray(new HostState[0]);
            }
        }
    }

    /** Claims another scheduler made; hosts this one has not heard of yet are skipped (their report will do). */
    public void onClaimsElsewhere(List<HostClaim> claims) {
        Instant now = clock.instant();
        for (HostClaim claim : claims) {
            HostState state = hosts.get(claim.host());
            if (state != null) {
                state.claimedElsewhere(claim.instanceUuid(), claim.vcpus(), claim.memoryMb(), claim.diskGb(), now);
            }
        }
    }

    /** The hosts, for a decision to read; do not modify. */
    public HostState[] array() {
        return array;
    }

    public Collection<HostState> all() {
        return hosts.values();
    }

    public HostState get(String host) {
        return hosts.get(host);
    }

    public int size() {
        return hosts.size();
    }
}
