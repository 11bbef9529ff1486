package org.novasim.api;

import java.time.Clock;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.scheduler.SchedulerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed RPC clients of the services api-service talks to. */
@Configuration(proxyBeanMethods = false)
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

    @Bean
    ConductorClient conductorClient(RpcClient rpc) {
        return new ConductorClient(rpc);
    }
}
