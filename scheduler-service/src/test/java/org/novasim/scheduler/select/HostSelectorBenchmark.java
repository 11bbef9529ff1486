package org.novasim.scheduler.select;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.filter.AvailabilityZoneFilter;
import org.novasim.scheduler.filter.ComputeFilter;
import org.novasim.scheduler.filter.ImagePropertiesFilter;
import org.novasim.scheduler.filter.ResourcesFilter;
import org.novasim.scheduler.filter.ServerGroupAffinityFilter;
import org.novasim.scheduler.filter.ServerGroupAntiAffinityFilter;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostState;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.weigher.BuildFailureWeigher;
import org.novasim.scheduler.weigher.CpuWeigher;
import org.novasim.scheduler.weigher.DiskWeigher;
import org.novasim.scheduler.weigher.RamWeigher;
import org.slf4j.LoggerFactory;

/**
 * Time per scheduling decision with the production filter and weigher pipeline over many hosts. Not a test:
 * it asserts nothing and is not run by the build (its name matches no test pattern). Run it with
 * {@code ./mvnw -B -q -o test -pl scheduler-service -am -Dtest=HostSelectorBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnovasim.bench.hosts=10000} and read the figures it prints.
 */
class HostSelectorBenchmark {

    @Test
    void decisionTime() {
        // One log line per decision would measure the console, not the scheduler.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(HostSelector.class))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int hostCount = Integer.getInteger("novasim.bench.hosts", 10_000);
        int decisions = Integer.getInteger("novasim.bench.decisions", 20_000);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        Clock clock = Clock.systemUTC();
        HostStateCache cache = new HostStateCache(clock, Duration.ofSeconds(30));
        List<HostReport> reports = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            // Hosts a third full on average, so weighing has something to tell apart.
            reports.add(Hosts.used("compute-" + i, random.nextInt(40), random.nextInt(20_000), random.nextInt(300)));
        }
        cache.onReports(new HostReports("bench", clock.instant(), reports));
        HostSelector selector = new HostSelector(
                cache,
                new GroupPlacements(clock, Duration.ofSeconds(30)),
                List.of(
                        new ComputeFilter(Duration.ofSeconds(60)), new AvailabilityZoneFilter(),
                        new ServerGroupAntiAffinityFilter(), new ServerGroupAffinityFilter(),
                        new ImagePropertiesFilter(), new ResourcesFilter()),
                List.of(
                        new RamWeigher(1.0),
                        new CpuWeigher(1.0),
                        new DiskWeigher(1.0),
                        new BuildFailureWeigher(1_000_000.0)),
                1,
                3,
                clock,
                random,
                ClaimListener.NONE);
        RequestSpec spec = new RequestSpec(
                "p1",
                Hosts.SMALL,
                new ImageSpec("cirros", "cirros", Map.of("hw_architecture", "x86_64")),
                null,
                Map.of(),
                null,
                null);

        run(selector, cache, spec, decisions / 4, new long[decisions / 4]);
        long[] cpu = new long[decisions];
        long[] nanos = run(selector, cache, spec, decisions, cpu);

        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(
                "HostSelector over %,d hosts, %,d decisions of one instance each (6 filters, 4 weighers, "
                        + "2 alternates): wall p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; "
                        + "CPU p50 %.3f ms, p99 %.3f ms%n",
                hostCount,
                decisions,
                ms(nanos, 0.50),
                ms(nanos, 0.90),
                ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6,
                ms(cpu, 0.50),
                ms(cpu, 0.99));
    }

    /**
     * Decides, then gives the claim back so every decision sees the same cloud. Records wall time and the thread's
     * CPU time: on a shared machine the wall time's tail is mostly waiting for a core.
     */
    private static long[] run(
            HostSelector selector, HostStateCache cache, RequestSpec spec, int decisions, long[] cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            String uuid = "i" + i;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            String host = selector.select(spec, List.of(uuid), true)
                    .hostLists()
                    .get(0)
                    .get(0)
                    .host();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            HostState state = cache.get(host);
            state.release(uuid);
        }
        return nanos;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
