package org.novasim.scheduler.rpc;

import java.util.List;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.scheduler.SchedulerApi;
import org.novasim.scheduler.SchedulerProperties;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.select.DecisionMetrics;
import org.novasim.scheduler.select.HostSelector;
import org.springframework.stereotype.Component;

/**
 * The scheduler's doors: select_destinations on the shared {@code scheduler} queue (several schedulers take
 * turns); on private queues, the compute hosts' report fanout and the other schedulers' claims (every scheduler
 * gets every copy).
 */
@Component
class SchedulerEndpoints implements RpcEndpoints {

    private final HostSelector selector;
    private final DecisionMetrics decisions;
    private final ClaimExchange exchange;
    private final HostStateCache hosts;
    private final SchedulerProperties properties;

    SchedulerEndpoints(
            HostSelector selector,
            DecisionMetrics decisions,
            ClaimExchange exchange,
            HostStateCache hosts,
            SchedulerProperties properties) {
        this.selector = selector;
        this.decisions = decisions;
        this.exchange = exchange;
        this.hosts = hosts;
        this.properties = properties;
    }

    @Override
    public List<Served> endpoints() {
        return List.of(
                new Served(
                        RpcEndpoint.builder(SchedulerApi.TOPIC, SchedulerApi.VERSION)
                                .on(
                                        SchedulerApi.SELECT_DESTINATIONS,
                                        (context, args) -> decisions.record(() -> selector.select(
                                                args.spec(), args.instanceUuids(), args.returnAlternates())))
                                .build(),
                        QueueSpec.shared(SchedulerApi.TOPIC, properties.consumers(), 1)),
                new Served(
                        RpcEndpoint.builder(SchedulerApi.TOPIC, SchedulerApi.VERSION)
                                .on(SchedulerApi.SHARE_CLAIMS, (context, claims) -> {
                                    exchange.onClaimsElsewhere(claims);
                                    return null;
                                })
                                .build(),
                        QueueSpec.fanout(SchedulerApi.TOPIC, 1, 50)),
                new Served(
                        RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                                .on(ComputeApi.REPORT_HOSTS, (context, reports) -> {
                                    hosts.onReports(reports);
                                    return null;
                                })
                                .build(),
                        QueueSpec.fanout(ComputeApi.TOPIC, 1, 50)));
    }
}
