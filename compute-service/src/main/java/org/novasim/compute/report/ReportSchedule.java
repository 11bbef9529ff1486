package org.novasim.compute.report;

import java.time.Duration;
import org.novasim.compute.ComputeProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Every host's full report (its heartbeat) each report interval, the changed ones each changes interval. */
@Component
class ReportSchedule implements SchedulingConfigurer {

    private final HostReporter reporter;
    private final ComputeProperties properties;

    ReportSchedule(HostReporter reporter, ComputeProperties properties) {
        this.reporter = reporter;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(reporter::reportAll, properties.reportInterval(), Duration.ZERO));
        registrar.addFixedDelayTask(new FixedDelayTask(
                reporter::reportChanges, properties.changesInterval(), properties.changesInterval()));
    }
}
