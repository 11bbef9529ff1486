package org.novasim.common.compute;

import java.time.Instant;
import java.util.List;

/**
 * A batch of host reports from one compute-service process, which doubles as the heartbeat of those hosts.
 * One message carries many hosts so that 10,000 hosts cost a handful of messages per interval, not 10,000.
 *
 * @param service the compute-service process that simulates the hosts
 * @param sentAt  when the process took the snapshot (its clock)
 */
public record HostReports(String service, Instant sentAt, List<HostReport> hosts) {

    public HostReports {
        hosts = List.copyOf(hosts);
    }
}
