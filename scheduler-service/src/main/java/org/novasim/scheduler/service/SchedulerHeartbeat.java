package org.novasim.scheduler.service;

import org.novasim.common.scheduler.SchedulerApi;
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
 * The scheduler's life signs: a heartbeat every report interval (the API shows nova-scheduler up or down from
 * it), and, once started, a request to every compute process to report its hosts now, so that this scheduler does
 * not answer "no valid host" for a whole report interval after it starts.
 */
@Component
public class SchedulerHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(SchedulerHeartbeat.class);

    private final ServiceClient services;
    private final String host;

    public SchedulerHeartbeat(ServiceClient services, ServiceProperties properties) {
        this.services = services;
        this.host = properties.hostName();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        try {
            services.requestReports(ServiceApi.NOVA_SCHEDULER + "@" + host);
        } catch (RuntimeException e) {
            log.warn("could not ask the computes to report: {}", e.toString());
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${novasim.service.report-interval:10s}")
    public void beat() {
        try {
            services.heartbeat(ServiceApi.NOVA_SCHEDULER, host, SchedulerApi.TOPIC);
        } catch (RuntimeException e) {
            log.warn("could not send the heartbeat: {}", e.toString());
        }
    }
}
