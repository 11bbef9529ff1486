package org.novasim.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.scheduler.SchedulerApi;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.common.service.Heartbeat;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceClient;
import org.novasim.common.service.ServiceProperties;
import org.novasim.scheduler.filter.AvailabilityZoneFilter;
import org.novasim.scheduler.filter.ComputeFilter;
import org.novasim.scheduler.filter.HostFilter;
import org.novasim.scheduler.filter.ImagePropertiesFilter;
import org.novasim.scheduler.filter.ResourcesFilter;
import org.novasim.scheduler.filter.ServerGroupAffinityFilter;
import org.novasim.scheduler.filter.ServerGroupAntiAffinityFilter;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.rpc.ClaimExchange;
import org.novasim.scheduler.select.DecisionMetrics;
import org.novasim.scheduler.select.HostSelector;
import org.novasim.scheduler.weigher.BuildFailureWeigher;
import org.novasim.scheduler.weigher.CpuWeigher;
import org.novasim.scheduler.weigher.DiskWeigher;
import org.novasim.scheduler.weigher.HostWeigher;
import org.novasim.scheduler.weigher.RamWeigher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the filter and weigher pipeline; cheapest filters first, as they run once per host per instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
class SchedulerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HostStateCache hostStateCache(Clock clock, SchedulerProperties properties) {
        return new HostStateCache(clock, properties.claimTimeout());
    }

    @Bean
    GroupPlacements groupPlacements(Clock clock, SchedulerProperties properties) {
        return new GroupPlacements(clock, properties.claimTimeout());
    }

    @Bean
    SchedulerClient schedulerClient(RpcClient rpc) {
        return new SchedulerClient(rpc);
    }

    /**
     * As nova-scheduler; once started, it asks every compute process to report its hosts now, so that it does not
     * answer "no valid host" for a whole report interval after it starts.
     */
    @Bean
    Heartbeat schedulerHeartbeat(RpcClient rpc, ServiceProperties properties, Clock clock) {
        return new Heartbeat(
                new ServiceClient(rpc), properties, ServiceApi.NOVA_SCHEDULER, SchedulerApi.TOPIC, true, clock);
    }

    @Bean
    DecisionMetrics decisionMetrics(MeterRegistry meters) {
        return new DecisionMetrics(meters);
    }

    @Bean
    ClaimExchange claimExchange(SchedulerClient schedulers, HostStateCache hosts, GroupPlacements groups) {
        return new ClaimExchange(schedulers, hosts, groups);
    }

    @Bean
    HostSelector hostSelector(
            HostStateCache hosts,
            GroupPlacements groups,
            ClaimExchange claims,
            Clock clock,
            SchedulerProperties properties) {
        List<HostFilter> filters = List.of(
                new ComputeFilter(properties.serviceDownTime()),
                new AvailabilityZoneFilter(),
                new ServerGroupAntiAffinityFilter(),
                new ServerGroupAffinityFilter(),
                new ImagePropertiesFilter(),
                new ResourcesFilter());
        SchedulerProperties.Weights weights = properties.weights();
        List<HostWeigher> weighers = List.of(
                new RamWeigher(weights.ramWeightMultiplier()),
                new CpuWeigher(weights.cpuWeightMultiplier()),
                new DiskWeigher(weights.diskWeightMultiplier()),
                new BuildFailureWeigher(weights.buildFailureWeightMultiplier()));
        return new HostSelector(
                hosts,
                groups,
                filters,
                weighers,
                properties.hostSubsetSize(),
                properties.maxAttempts(),
                clock,
                RandomGenerator.getDefault(),
                claims);
    }
}
