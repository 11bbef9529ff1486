package org.novasim.scheduler;

import org.novasim.common.RpcConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * scheduler-service: keeps the state of every compute host from their reports and answers select_destinations
 * by filtering, weighing and claiming, as Nova's FilterScheduler does. Several may run side by side.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(RpcConfiguration.class)
public class SchedulerServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one JVM in the system tests. */
    public static final String CONFIG_NAME = "scheduler-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(SchedulerServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
