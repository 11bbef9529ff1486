package org.novasim.common.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The life signs of a service other than compute (whose host reports are its heartbeats), as Nova's
 * servicegroup driver sends them: a heartbeat every report interval, one at once when a freshly started API or
 * scheduler asks every service to report, and, for a service that needs to know the cloud at once, such a request
 * of its own when it has started.
 */
public final class Heartbeat implements RpcEndpoints, SchedulingConfigurer, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ServiceClient services;
    private final String binary;
    private final String host;
    private final String topic;
    private final Duration interval;
    private final boolean asksOthersOnStart;
    private final Clock clock;

    /**
     * @param binary            the service's name in os-services ({@code nova-scheduler} ...)
     * @param topic             the RPC topic it serves
     * @param asksOthersOnStart whether it asks every service to report once it has started
     */
    public Heartbeat(
            ServiceClient services,
            ServiceProperties properties,
            String binary,
            String topic,
            boolean asksOthersOnStart,
            Clock clock) {
        this.services = services;
        this.binary = binary;
        this.host = properties.hostName();
        this.topic = topic;
        this.interval = properties.reportInterval();
        this.asksOthersOnStart = asksOthersOnStart;
        this.clock = clock;
    }

    public void beat() {
        try {
            services.heartbeat(binary, host, topic, clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not send the heartbeat: {}", e.toString());
        }
    }

    /** Answers report requests with a heartbeat, on a private queue of this process. */
    @Override
    public List<Served> endpoints() {
        return List.of(new Served(
                RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.REPORT_STATE, (context, request) -> {
                            beat();
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10)));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::beat, interval, Duration.ZERO));
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (!asksOthersOnStart) {
            return;
        }
        try {
            services.requestReports(binary + "@" + host);
        } catch (RuntimeException e) {
            log.warn("could not ask the services to report: {}", e.toString());
        }
    }
}
