package org.novasim.network;

import org.novasim.common.RpcConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * network-service: owns networks, subnets and ports, and hands out addresses to instances over RPC
 * (nova-network's role in 2011 Nova). Its own database; the REST API for clients is served by api-service.
 */
@SpringBootApplication
@Import(RpcConfiguration.class)
public class NetworkServiceApplication {

    /** Each service reads its own {@code <name>.yml}, so all four can share one JVM in the system tests. */
    public static final String CONFIG_NAME = "network-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(NetworkServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
