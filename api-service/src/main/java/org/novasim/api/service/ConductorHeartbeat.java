package org.novasim.api.service;

import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceClient;
import org.novasim.common.service.ServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The conductor's (this process's) heartbeat as nova-conductor, and, once started, a request to every service to
 * report now, so the services and hypervisors APIs know the cloud within a second of a (re)start.
 */
@Component
public class ConductorHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(ConductorHeartbeat.class);

    private final ServiceClient services;
    private final String host;

    public ConductorHeartbeat(RpcClient rpc, ServiceProperties properties) {
        this.services = new ServiceClient(rpc);
        this.host = properties.hostName();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        try {
            services.requestReports(ServiceApi.NOVA_CONDUCTOR + "@" + host);
        } catch (RuntimeException e) {
            log.warn("could not ask the services to report: {}", e.toString());
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${novasim.service.report-interval:10s}")
    public void beat() {
        try {
            services.heartbeat(ServiceApi.NOVA_CONDUCTOR, host, ConductorApi.TOPIC);
        } catch (RuntimeException e) {
            log.warn("could not send the heartbeat: {}", e.toString());
        }
    }
}
