package org.novasim.api.service;

import java.time.Clock;
import java.util.List;
import org.novasim.api.hypervisor.ComputeNodes;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * What the API hears about the cloud, each on a private queue of this process: the compute hosts' reports
 * (usage and heartbeats of nova-compute), the other services' heartbeats, and report requests from an API or
 * scheduler that just started (answered with this conductor's heartbeat).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
class ServiceRpcConfiguration {

    /** Services other than compute hosts belong to no availability zone of their own. */
    static final String INTERNAL_ZONE = "internal";

    ServiceRpcConfiguration(
            RpcServer server,
            ComputeNodes nodes,
            ServiceDirectory directory,
            ConductorHeartbeat heartbeat,
            Clock clock) {
        server.serve(
                RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.REPORT_HOSTS, (context, reports) -> {
                            nodes.onReports(reports);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ComputeApi.TOPIC, 1, 20));
        server.serve(
                RpcEndpoint.builder(ServiceApi.TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.SERVICE_HEARTBEAT, (context, beat) -> {
                            directory.heard(
                                    List.of(new NewService(beat.host(), beat.binary(), beat.topic(), INTERNAL_ZONE)),
                                    clock.instant());
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.TOPIC, 1, 20));
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
