package org.novasim.compute;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcObservations;
import org.novasim.compute.build.BuildGauges;
import org.novasim.compute.build.InstanceBuilder;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.guest.GuestActions;
import org.novasim.compute.guest.Shelver;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.move.InstanceMover;
import org.novasim.compute.recovery.HostRecovery;
import org.novasim.compute.report.HostReporter;
import org.novasim.compute.virt.FakeDriver;
import org.novasim.compute.virt.HypervisorDriver;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Wires the simulated hosts, their hypervisor and the build machinery. */
@Configuration(proxyBeanMethods = false)
class ComputeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService buildWorkers(ComputeProperties properties) {
        return Executors.newFixedThreadPool(properties.buildWorkers(), new CustomizableThreadFactory("build-"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService driverTimers() {
        return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("hypervisor-"));
    }

    @Bean
    SimulatedHosts simulatedHosts(ComputeProperties properties, ExecutorService buildWorkers) {
        return new SimulatedHosts(
                properties.hosts(),
                properties.maxConcurrentBuilds(),
                buildWorkers,
                properties.myIp(),
                properties.settledRetention());
    }

    @Bean
    BuildGauges buildGauges(SimulatedHosts hosts) {
        return new BuildGauges(hosts);
    }

    @Bean
    HypervisorDriver hypervisorDriver(FakeDriverProperties properties, ScheduledExecutorService driverTimers) {
        RandomGenerator random = properties.seed() == null
                ? RandomGenerator.getDefault()
                : RandomGeneratorFactory.of("L64X128MixRandom").create(properties.seed());
        return new FakeDriver(properties, driverTimers, random);
    }

    @Bean
    ConductorClient conductorClient(RpcClient rpc) {
        return new ConductorClient(rpc);
    }

    @Bean
    NetworkClient networkClient(RpcClient rpc) {
        return new NetworkClient(rpc);
    }

    @Bean
    ComputeClient computeClient(RpcClient rpc) {
        return new ComputeClient(rpc);
    }

    @Bean
    InstanceBuilder instanceBuilder(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            NetworkClient network,
            ExecutorService buildWorkers,
            RpcObservations observations,
            Clock clock) {
        return new InstanceBuilder(hosts, driver, conductor, network, buildWorkers, observations, clock);
    }

    @Bean
    InstanceTerminator instanceTerminator(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            NetworkClient network,
            Clock clock) {
        return new InstanceTerminator(hosts, driver, conductor, network, clock);
    }

    @Bean
    GuestActions guestActions(
            HypervisorDriver driver, ConductorClient conductor, ExecutorService buildWorkers, Clock clock) {
        return new GuestActions(driver, conductor, buildWorkers, clock);
    }

    @Bean
    Shelver shelver(
            GuestActions guests,
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            ScheduledExecutorService driverTimers,
            Clock clock) {
        return new Shelver(guests, hosts, driver, conductor, driverTimers, clock);
    }

    @Bean
    InstanceMover instanceMover(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            ComputeClient compute,
            ExecutorService buildWorkers,
            Clock clock) {
        return new InstanceMover(hosts, driver, conductor, compute, buildWorkers, clock);
    }

    @Bean
    HostRecovery hostRecovery(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            InstanceTerminator terminator,
            Clock clock) {
        return new HostRecovery(hosts, driver, conductor, terminator, clock);
    }

    @Bean
    HostReporter hostReporter(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ComputeClient compute,
            ComputeProperties properties,
            Clock clock,
            HostRecovery recovery) {
        return new HostReporter(
                hosts,
                driver,
                compute,
                properties.serviceNameFor(hosts),
                properties.reportBatchSize(),
                clock,
                recovery::isDone);
    }

    /** Once the RPC layer runs: take back what the hosts held, then let them report (see {@link HostRecovery}). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> hostRecoveryStarter(
            HostRecovery recovery, HostReporter reporter, ComputeProperties properties) {
        return ready -> {
            Thread thread = new Thread(
                    () -> recovery.recover(properties.recoveryTimeout(), reporter::reportAll), "host-recovery");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
