package org.novasim.network.service;

import org.novasim.common.network.NetworkApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceClient;
import org.novasim.common.service.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The network service's life signs for the services API: a heartbeat every report interval, and one at once
 * when a freshly started API asks every service to report.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ServiceProperties.class)
class NetworkHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(NetworkHeartbeat.class);

    private final ServiceClient services;
    private final String host;

    NetworkHeartbeat(RpcClient rpc, RpcServer server, ServiceProperties properties) {
        this.services = new ServiceClient(rpc);
        this.host = properties.hostName();
        server.serve(
                RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.REPORT_STATE, (context, request) -> {
                            beat();
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${novasim.service.report-interval:10s}")
    void beat() {
        try {
            services.heartbeat(ServiceApi.NOVA_NETWORK, host, NetworkApi.TOPIC);
        } catch (RuntimeException e) {
            log.warn("could not send the heartbeat: {}", e.toString());
        }
    }
}
