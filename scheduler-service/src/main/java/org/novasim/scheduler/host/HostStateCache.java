package org.novasim.scheduler.host;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;

/** Every host this scheduler has heard of, kept current by the compute processes' report fanouts. */
public final class HostStateCache {

    private final ConcurrentMap<String, HostState> hosts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration claimGrace;

    public HostStateCache(Clock clock, Duration claimGrace) {
        this.clock = clock;
        this.claimGrace = claimGrace;
    }

    public void onReports(HostReports reports) {
        var now = clock.instant();
        for (HostReport report : reports.hosts()) {
            hosts.compute(report.host(), (name, state) -> {
                if (state == null) {
                    return new HostState(report, now);
                }
                state.update(report, now, claimGrace);
                return state;
            });
        }
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
