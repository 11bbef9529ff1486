package org.novasim.compute.rpc;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.service.ServiceApi;
import org.novasim.compute.ComputeProperties;
import org.novasim.compute.build.InstanceBuilder;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.power.PowerActions;
import org.novasim.compute.report.HostReporter;
import org.springframework.stereotype.Component;

/**
 * One durable queue for the whole process, {@code compute-service.<service>}, bound to {@code compute.<host>}
 * for every simulated host: 10,000 hosts cost 10,000 bindings, not 10,000 queues and consumers. A private
 * queue on the service request fanout answers "report now" with a full host report.
 */
@Component
class ComputeEndpoints implements RpcEndpoints {

    private final SimulatedHosts hosts;
    private final InstanceBuilder builder;
    private final InstanceTerminator terminator;
    private final PowerActions power;
    private final HostReporter reporter;
    private final ComputeProperties properties;
    private final ExecutorService buildWorkers;

    ComputeEndpoints(
            SimulatedHosts hosts,
            InstanceBuilder builder,
            InstanceTerminator terminator,
            PowerActions power,
            HostReporter reporter,
            ComputeProperties properties,
            ExecutorService buildWorkers) {
        this.hosts = hosts;
        this.builder = builder;
        this.terminator = terminator;
        this.power = power;
        this.reporter = reporter;
        this.properties = properties;
        this.buildWorkers = buildWorkers;
    }

    @Override
    public List<Served> endpoints() {
        String queue = "compute-service." + properties.serviceNameFor(hosts);
        return List.of(
                new Served(
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
                                    reporter.setEnabled(request.host(), request.enabled());
                                    return null;
                                })
                                .build(),
                        QueueSpec.servers(queue, ComputeApi.TOPIC, hosts.names(), properties.consumers(), 50)),
                new Served(
                        RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                                .on(ServiceApi.REPORT_STATE, (context, request) -> {
                                    reporter.requestFullReport(buildWorkers, request.requester());
                                    return null;
                                })
                                .build(),
                        QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10)));
    }
}
