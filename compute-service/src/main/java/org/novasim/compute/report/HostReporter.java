package org.novasim.compute.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the hosts' reports to every scheduler and conductor. Reports travel in batches (many hosts per message)
 * so the cost per interval grows with hosts / batch size, not with hosts: kwok's one heartbeat per node
 * overloaded it at 5,000 nodes. All hosts go out every report interval (that is their heartbeat); in between,
 * only hosts whose usage changed, so a freed host is seen within a second. A scheduler or API that just started
 * asks for a full report at once; requests that arrive while one is pending are served by that one.
 */
public final class HostReporter {

    private static final Logger log = LoggerFactory.getLogger(HostReporter.class);

    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ComputeClient compute;
    private final String serviceName;
    private final int batchSize;
    private final Clock clock;
    private final AtomicBoolean fullReportRequested = new AtomicBoolean();
    private final BooleanSupplier mayReport;

    /** @param mayReport false while the hosts do not yet hold what they held before a restart: nothing is sent */
    public HostReporter(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ComputeClient compute,
            String serviceName,
            int batchSize,
            Clock clock,
            BooleanSupplier mayReport) {
        this.mayReport = mayReport;
        this.hosts = hosts;
        this.driver = driver;
        this.compute = compute;
        this.serviceName = serviceName;
        this.batchSize = Math.max(1, batchSize);
        this.clock = clock;
    }

    /** Every host: the periodic heartbeat. Returns the number of messages sent. */
    public int reportAll() {
        if (!mayReport.getAsBoolean()) {
            return 0;
        }
        List<HostReport> reports = new ArrayList<>(hosts.size());
        Instant now = clock.instant();
        for (SimulatedHost host : hosts.all()) {
            host.takeChanged();
            reports.add(host.report(driver.instanceCount(host.name()), now));
        }
        return send(reports);
    }

    /** Sends every host soon, on the executor; coalesces requests that come while one is waiting. */
    public void requestFullReport(Executor executor, String requester) {
        if (fullReportRequested.compareAndSet(false, true)) {
            log.info("full host report requested by {}", requester);
            executor.execute(() -> {
                fullReportRequested.set(false);
                reportAll();
            });
        }
    }

    /**
     * An operator took a host out of rotation or put it back (os-services disable/enable): it says so in its
     * reports, at once, so schedulers learn it without waiting for an interval. Unknown hosts are ignored.
     */
    public void setEnabled(String hostName, boolean enabled) {
        SimulatedHost host = hosts.get(hostName);
        if (host != null && host.isEnabled() != enabled) {
            log.info("host {} is now {}", host.name(), enabled ? "enabled" : "disabled");
            host.setEnabled(enabled);
            reportHost(host);
        }
    }

    /** One host at once, e.g. after it was disabled, so schedulers learn it without waiting for an interval. */
    public void reportHost(SimulatedHost host) {
        if (!mayReport.getAsBoolean()) {
            return;
        }
        host.takeChanged();
        send(List.of(host.report(driver.instanceCount(host.name()), clock.instant())));
    }

    /** Only hosts whose usage changed since they were last reported. */
    public int reportChanges() {
        if (!mayReport.getAsBoolean()) {
            return 0;
        }
        List<HostReport> reports = new ArrayList<>();
        Instant now = clock.instant();
        for (SimulatedHost host : hosts.all()) {
            if (host.takeChanged()) {
                reports.add(host.report(driver.instanceCount(host.name()), now));
            }
        }
        return send(reports);
    }

    private int send(List<HostReport> reports) {
        int messages = 0;
        RpcContext context = RpcContext.system();
        try {
            for (int from = 0; from < reports.size(); from += batchSize) {
                List<HostReport> batch = reports.subList(from, Math.min(reports.size(), from + batchSize));
                compute.reportHosts(context, new HostReports(serviceName, clock.instant(), batch));
                messages++;
            }
        } catch (RuntimeException e) {
            // The next interval sends everything again; a broker hiccup must not stop the timer.
            log.warn("could not send host reports: {}", e.toString());
        }
        return messages;
    }
}
