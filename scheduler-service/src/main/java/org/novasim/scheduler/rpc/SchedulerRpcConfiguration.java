package org.novasim.scheduler.rpc;

import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.scheduler.SchedulerApi;
import org.novasim.scheduler.SchedulerProperties;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.select.HostSelector;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler's two doors: select_destinations on the shared {@code scheduler} queue (several schedulers take
 * turns), and the compute hosts' report fanout on a private queue (every scheduler gets every report).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerRpcConfiguration {

    SchedulerRpcConfiguration(RpcServer server, HostSelector selector, HostStateCache hosts,
                              SchedulerProperties properties) {
        server.serve(RpcEndpoint.builder(SchedulerApi.TOPIC, SchedulerApi.VERSION)
                        .on(SchedulerApi.SELECT_DESTINATIONS, (context, args) ->
                                selector.select(args.spec(), args.instanceUuids(), args.returnAlternates()))
                        .build(),
                QueueSpec.shared(SchedulerApi.TOPIC, properties.consumers(), 1));
        server.serve(RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.REPORT_HOSTS, (context, reports) -> {
                            hosts.onReports(reports);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ComputeApi.TOPIC, 1, 50));
    }
}
