package org.novasim.api.service;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Reads the service table again every {@code novasim.services.refresh-interval} (see ServiceDirectory#refresh). */
@Component
class ServiceTableRefresh implements SchedulingConfigurer {

    private final ServiceDirectory directory;
    private final ServicesProperties properties;

    ServiceTableRefresh(ServiceDirectory directory, ServicesProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(directory::refresh, properties.refreshInterval(), properties.refreshInterval()));
    }
}
