package org.novasim.compute;

import java.time.Duration;
import java.util.List;
import org.novasim.common.Settings;
import org.novasim.compute.host.HostGroup;
import org.novasim.compute.host.SimulatedHosts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compute process's knobs.
 *
 * @param serviceName         names this process's queue ({@code compute-service.<name>}); must differ between
 *                            processes sharing a broker. Defaults to the first host's name.
 * @param hosts               the simulated hosts, as groups (a generated range or a single named host)
 * @param reportInterval      every host's full report (its heartbeat) goes out this often
 * @param changesInterval     hosts whose usage changed are reported this often, so schedulers see deletes soon
 * @param reportBatchSize     hosts per report message: 10,000 hosts cost 10 messages per interval, not 10,000
 * @param maxConcurrentBuilds builds running at once per host (Nova's max_concurrent_builds); the rest wait
 * @param buildWorkers        threads doing the blocking steps of builds and deletes, shared by all hosts
 * @param consumers           concurrent consumers of this process's queue
 * @param settledRetention    how long a host keeps listing an instance whose build it took in, in its reports
 *                            (schedulers drop their claim when they see it); a few change intervals
 * @param myIp                the management address hosts report (Nova's my_ip) unless their group names one
 * @param recoveryTimeout     how long a starting process asks the conductor what its hosts held before it gives
 *                            up and reports them without it (see HostRecovery)
 */
@ConfigurationProperties("novasim.compute")
public record ComputeProperties(
        String serviceName,
        List<HostGroup> hosts,
        @DefaultValue("10s") Duration reportInterval,
        @DefaultValue("1s") Duration changesInterval,
        @DefaultValue("1000") int reportBatchSize,
        @DefaultValue("10") int maxConcurrentBuilds,
        @DefaultValue("32") int buildWorkers,
        @DefaultValue("8") int consumers,
        @DefaultValue("5s") Duration settledRetention,
        @DefaultValue("127.0.0.1") String myIp,
        @DefaultValue("10m") Duration recoveryTimeout) {

    public ComputeProperties {
        Settings.positive("novasim.compute.report-interval", reportInterval);
        Settings.positive("novasim.compute.changes-interval", changesInterval);
        Settings.atLeast("novasim.compute.report-batch-size", reportBatchSize, 1);
        Settings.atLeast("novasim.compute.max-concurrent-builds", maxConcurrentBuilds, 1);
        Settings.atLeast("novasim.compute.build-workers", buildWorkers, 1);
        Settings.atLeast("novasim.compute.consumers", consumers, 1);
        Settings.positive("novasim.compute.recovery-timeout", recoveryTimeout);
        hosts = hosts == null || hosts.isEmpty() ? List.of(HostGroup.defaults()) : List.copyOf(hosts);
    }

    /** The configured name, or the first host's, which is unique among processes since host names must be. */
    public String serviceNameFor(SimulatedHosts simulated) {
        return serviceName == null || serviceName.isBlank() ? simulated.names().get(0) : serviceName;
    }
}
