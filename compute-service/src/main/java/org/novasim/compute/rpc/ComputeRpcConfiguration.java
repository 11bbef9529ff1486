package org.novasim.compute.rpc;

import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.compute.ComputeProperties;
import org.novasim.compute.build.InstanceBuilder;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.report.HostReporter;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One durable queue for the whole process, {@code compute-service.<service>}, bound to {@code compute.<host>}
 * for every simulated host: 10,000 hosts cost 10,000 bindings, not 10,000 queues and consumers.
 */
@Configuration(proxyBeanMethods = false)
class ComputeRpcConfiguration {

    private final HostReporter reporter;

    ComputeRpcConfiguration(RpcServer server, SimulatedHosts hosts, InstanceBuilder builder,
                            InstanceTerminator terminator, HostReporter reporter, ComputeProperties properties) {
        this.reporter = reporter;
        String queue = "compute-service." + properties.serviceNameFor(hosts);
        server.serve(RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.BUILD_AND_RUN_INSTANCE, (context, request) -> {
                            builder.build(context, request);
                            return null;
                        })
                        .on(ComputeApi.TERMINATE_INSTANCE, (context, request) -> {
                            terminator.terminate(context, request);
                            return null;
                        })
                        .build(),
                QueueSpec.servers(queue, ComputeApi.TOPIC, hosts.names(), properties.consumers(), 50));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${novasim.compute.report-interval:10s}")
    void reportAll() {
        reporter.reportAll();
    }

    @Scheduled(initialDelayString = "${novasim.compute.changes-interval:1s}",
            fixedDelayString = "${novasim.compute.changes-interval:1s}")
    void reportChanges() {
        reporter.reportChanges();
    }
}
