package org.novasim.scheduler.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.scheduler.SchedulerApi;
import org.novasim.common.service.ServiceApi;
import org.novasim.scheduler.SchedulerProperties;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.select.DecisionMetrics;
import org.novasim.scheduler.select.HostSelector;
import org.novasim.scheduler.service.SchedulerHeartbeat;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler's doors: select_destinations on the shared {@code scheduler} queue (several schedulers take
 * turns); on private queues, the compute hosts' report fanout and the other schedulers' claims (every scheduler
 * gets every copy), and the service request fanout, answered with a heartbeat.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerRpcConfiguration {

    SchedulerRpcConfiguration(
            RpcServer server,
            HostSelector selector,
            HostStateCache hosts,
            SchedulerProperties properties,
            SchedulerHeartbeat heartbeat,
            ClaimExchange exchange,
            MeterRegistry meters) {
        DecisionMetrics decisions = new DecisionMetrics(meters);
        server.serve(
                RpcEndpoint.builder(SchedulerApi.TOPIC, SchedulerApi.VERSION)
                        .on(
                                SchedulerApi.SELECT_DESTINATIONS,
                                (context, args) -> decisions.record(() ->
                                        selector.select(args.spec(), args.instanceUuids(), args.returnAlternates())))
                        .build(),
                QueueSpec.shared(SchedulerApi.TOPIC, properties.consumers(), 1));
        server.serve(
                RpcEndpoint.builder(SchedulerApi.TOPIC, SchedulerApi.VERSION)
                        .on(SchedulerApi.SHARE_CLAIMS, (context, claims) -> {
                            exchange.onClaimsElsewhere(claims);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(SchedulerApi.TOPIC, 1, 50));
        server.serve(
                RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.REPORT_HOSTS, (context, reports) -> {
                            hosts.onReports(reports);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ComputeApi.TOPIC, 1, 50));
        server.serve(
                RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.REPORT_STATE, (context, request) -> {
                            heartbeat.beat();
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10));
    }
}
