package org.novasim.benchmark.jmh;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.filter.AvailabilityZoneFilter;
import org.novasim.scheduler.filter.ComputeFilter;
import org.novasim.scheduler.filter.ImagePropertiesFilter;
import org.novasim.scheduler.filter.ResourcesFilter;
import org.novasim.scheduler.filter.ServerGroupAffinityFilter;
import org.novasim.scheduler.filter.ServerGroupAntiAffinityFilter;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.select.ClaimListener;
import org.novasim.scheduler.select.HostSelector;
import org.novasim.scheduler.weigher.BuildFailureWeigher;
import org.novasim.scheduler.weigher.CpuWeigher;
import org.novasim.scheduler.weigher.DiskWeigher;
import org.novasim.scheduler.weigher.RamWeigher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduling decision (select_destinations for one instance: every filter over every host, every weigher over
 * the survivors, the claim, the alternates) at 1,000 and 10,000 hosts, with the filters and weighers the scheduler
 * service configures. Sample-time mode, so JMH reports p50/p90/p99 of single decisions. Each decision gives its
 * claim back, so every decision sees the same cloud: hosts a third full on average, so the weighers have
 * something to tell apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Dlogging.level.root=WARN"})
public class HostSelectorBenchmark {

    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());

    @Param({"1000", "10000"})
    public int hosts;

    private HostStateCache cache;
    private HostSelector selector;
    private RequestSpec spec;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        quietLogging();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        Clock clock = Clock.systemUTC();
        cache = new HostStateCache(clock, Duration.ofSeconds(30));
        List<HostReport> reports = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            reports.add(new HostReport(
                    "compute-" + i,
                    "nova",
                    true,
                    16,
                    32768,
                    500,
                    random.nextInt(40),
                    random.nextInt(20_000),
                    random.nextInt(300),
                    4.0,
                    1.0,
                    1.0,
                    512,
                    0,
                    0,
                    0,
                    "QEMU",
                    "x86_64",
                    0,
                    "192.0.2.1",
                    List.of()));
        }
        cache.onReports(new HostReports("bench", clock.instant(), reports));
        selector = new HostSelector(
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
        spec = new RequestSpec(
                "p1",
                SMALL,
                new ImageSpec("cirros", "cirros", Map.of("hw_architecture", "x86_64")),
                null,
                Map.of(),
                null,
                null);
    }

    @Benchmark
    public String decision() {
        String uuid = "i" + next++;
        String host = selector.select(spec, List.of(uuid), true)
                .hostLists()
                .get(0)
                .get(0)
                .host();
        cache.get(host).release(uuid);
        return host;
    }

    /** One log line per decision would measure the logger, not the scheduler (the service logs at INFO). */
    static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
