package org.novasim.compute.rpc;

import java.util.concurrent.ExecutorService;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.service.ServiceApi;
import org.novasim.compute.ComputeProperties;
import org.novasim.compute.build.InstanceBuilder;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.power.PowerActions;
import org.novasim.compute.report.HostReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One durable queue for the whole process, {@code compute-service.<service>}, bound to {@code compute.<host>}
 * for every simulated host: 10,000 hosts cost 10,000 bindings, not 10,000 queues and consumers. A private
 * queue on the service request fanout answers "report now" with a full host report.
 */
@Configuration(proxyBeanMethods = false)
class ComputeRpcConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ComputeRpcConfiguration.class);

    private final HostReporter reporter;

    ComputeRpcConfiguration(
            RpcServer server,
            SimulatedHosts hosts,
            InstanceBuilder builder,
            InstanceTerminator terminator,
            PowerActions power,
            HostReporter reporter,
            ComputeProperties properties,
            ExecutorService buildWorkers) {
        this.reporter = reporter;
        String queue = "compute-service." + properties.serviceNameFor(hosts);
        server.serve(
                RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.BUILD_AND_RUN_INSTANCE, (context, request) -> {
                            builder.build(context, request);
                            return null;
                        })
                        .on(ComputeApi.TERMINATE_INSTANCE, (context, request) -> {
                            terminator.terminate(context, request);
                            return null;
                        })
                        .on(ComputeApi.STOP_INSTANCE, (context, request) -> {
                            power.stop(context, request);
                            return null;
                        })
                        .on(ComputeApi.START_INSTANCE, (context, request) -> {
                            power.start(context, request);
                            return null;
                        })
                        .on(ComputeApi.REBOOT_INSTANCE, (context, request) -> {
                            power.reboot(context, request);
                            return null;
                        })
                        .on(ComputeApi.SET_HOST_ENABLED, (context, request) -> {
                            SimulatedHost host = hosts.get(request.host());
                            if (host != null && host.isEnabled() != request.enabled()) {
                                log.info("host {} is now {}", host.name(), request.enabled() ? "enabled" : "disabled");
                                host.setEnabled(request.enabled());
                                reporter.reportHost(host);
                            }
                            return null;
                        })
                        .build(),
                QueueSpec.servers(queue, ComputeApi.TOPIC, hosts.names(), properties.consumers(), 50));
        server.serve(
                RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.REPORT_STATE, (context, request) -> {
                            reporter.requestFullReport(buildWorkers, request.requester());
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${novasim.compute.report-interval:10s}")
    void reportAll() {
        reporter.reportAll();
    }

    @Scheduled(
            initialDelayString = "${novasim.compute.changes-interval:1s}",
            fixedDelayString = "${novasim.compute.changes-interval:1s}")
    void reportChanges() {
        reporter.reportChanges();
    }
}
