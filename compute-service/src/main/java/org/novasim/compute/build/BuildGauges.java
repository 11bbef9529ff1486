package org.novasim.compute.build;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToIntFunction;
import org.novasim.compute.host.BuildLimiter;
import org.novasim.compute.host.SimulatedHosts;

/**
 * Builds in progress on this process's hosts, summed over the hosts (one series per state, never per host):
 * {@code novasim_compute_builds{state="running"}} hold a build slot, {@code state="waiting"} wait for one. Read
 * when scraped, so it costs nothing between scrapes.
 */
public final class BuildGauges implements MeterBinder {

    private final SimulatedHosts hosts;

    public BuildGauges(SimulatedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "running", BuildLimiter::running);
        gauge(registry, "waiting", BuildLimiter::waiting);
        Gauge.builder("novasim.compute.simulated.hosts", hosts, SimulatedHosts::size)
                .description("Hosts this compute process simulates")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String state, ToIntFunction<BuildLimiter> count) {
        Gauge.builder(
                        "novasim.compute.builds",
                        hosts,
                        all -> all.all().stream()
                                .mapToInt(host -> count.applyAsInt(host.builds()))
                                .sum())
                .description("Builds on this process's hosts, by state")
                .tag("state", state)
                .register(registry);
    }
}
