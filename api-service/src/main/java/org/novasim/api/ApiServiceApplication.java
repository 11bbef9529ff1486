package org.novasim.api;

import org.novasim.common.RpcConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * api-service: the one front door (the OpenStack APIs on port 8774) and the conductor, which alone schedules
 * builds and writes instance state, as nova-api and nova-conductor do together.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(RpcConfiguration.class)
public class ApiServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one JVM in the system tests. */
    public static final String CONFIG_NAME = "api-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
