package org.novasim.api;

import java.time.Clock;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.common.service.Heartbeat;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceClient;
import org.novasim.common.service.ServiceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed RPC clients of the services api-service talks to, and the conductor's heartbeat. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
class ApiConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SchedulerClient schedulerClient(RpcClient rpc) {
        return new SchedulerClient(rpc);
    }

    @Bean
    ComputeClient computeClient(RpcClient rpc) {
        return new ComputeClient(rpc);
    }

    @Bean
    NetworkClient networkClient(RpcClient rpc) {
        return new NetworkClient(rpc);
    }

    /** As nova-conductor; once started, it asks every service to report, so the API knows the cloud at once. */
    @Bean
    Heartbeat conductorHeartbeat(RpcClient rpc, ServiceProperties properties, Clock clock) {
        return new Heartbeat(
                new ServiceClient(rpc), properties, ServiceApi.NOVA_CONDUCTOR, ConductorApi.TOPIC, true, clock);
    }

    @Bean
    ConductorClient conductorClient(RpcClient rpc) {
        return new ConductorClient(rpc);
    }
}
