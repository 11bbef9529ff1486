package org.novasim.compute;

import org.novasim.common.RpcConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * compute-service: one process simulating many compute hosts, each with its own resources, build slots and
 * fake hypervisor, addressed over RPC as {@code compute.<host>} exactly as real nova-compute services are.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(RpcConfiguration.class)
public class ComputeServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one JVM in the system tests. */
    public static final String CONFIG_NAME = "compute-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ComputeServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
