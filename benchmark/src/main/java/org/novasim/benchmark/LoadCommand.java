package org.novasim.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.load.Iteration;
import org.novasim.benchmark.load.IterationResult;
import org.novasim.benchmark.load.LoadRunner;
import org.novasim.benchmark.load.Progress;
import org.novasim.benchmark.load.Scenario;
import org.novasim.benchmark.load.StateWaiter;
import org.novasim.benchmark.report.BenchmarkReport;
import org.novasim.benchmark.report.LatencyChart;
import org.novasim.benchmark.report.MarkdownReport;
import org.novasim.benchmark.report.Percentiles;
import org.novasim.benchmark.report.StageSummary;
import org.novasim.benchmark.rpc.BrokerSettings;
import org.novasim.benchmark.rpc.RpcBaseline;
import org.novasim.benchmark.stages.EventSampler;
import org.novasim.benchmark.stages.Stage;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Rally-style run against a running novasim: authenticate, lift the quotas, measure the raw RPC baseline on the
 * same broker, warm up, run the load, read the action events of a sample, clean up, write the reports.
 */
final class LoadCommand {

    /**
     * RPC calls on a launch's path up to launched_at: select_destinations, allocate_for_instance and the four
     * instance updates to the conductor before the spawn (host set, networking, block devices, spawning).
     */
    static final int CALLS_PER_LAUNCH = 6;

    private final LoadSettings settings;
    private final BrokerSettings broker;
    private final PrintStream out;

    LoadCommand(LoadSettings settings, BrokerSettings broker, PrintStream out) {
        this.settings = settings;
        this.broker = broker;
        this.out = out;
    }

    BenchmarkReport run() throws IOException, InterruptedException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load average before", loadAverage());
        machine.put("benchmark JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("started", Instant.now().toString());

        NovaClient client = new NovaClient(settings.url());
        client.authenticate(settings.credentials());
        client.unlimitedQuotas();
        String networkId =
                "auto".equals(settings.network()) ? null : client.network(settings.network(), settings.networkCidr());
        out.printf(
                "authenticated as %s (project %s) at %s%s%n",
                settings.credentials().user(),
                client.projectId(),
                settings.url(),
                networkId == null ? "" : ", network " + settings.network() + " " + networkId);

        RpcBaseline.Result baseline = null;
        if (settings.rpcCalls() > 0) {
            out.printf(
                    "raw RPC baseline on %s: %d calls from one caller, then %d from %d callers ...%n",
                    broker, settings.rpcCalls(), settings.rpcCalls() * 4, settings.rpcCallers());
            baseline = new RpcBaseline(broker).run(settings.rpcCalls(), settings.rpcCalls() * 4, settings.rpcCallers());
            out.printf(
                    Locale.ROOT,
                    "  one caller p50 %.3f ms p99 %.3f ms; %d callers %.0f calls/s%n",
                    baseline.sequentialMs().p50(),
                    baseline.sequentialMs().p99(),
                    baseline.callers(),
                    baseline.callsPerSecond());
        }

        StateWaiter waiter = new StateWaiter(client, settings.pollInterval(), settings.timeout());
        List<String> leftovers = new ArrayList<>();
        if (settings.warmup() > 0) {
            out.printf("warm-up: %d iterations (not counted) ...%n", settings.warmup());
            long start = System.nanoTime();
            Iteration warm = new Iteration(
                    settings.scenario(),
                    client,
                    waiter,
                    settings.flavor(),
                    settings.image(),
                    networkId,
                    new EventSampler(client, settings.warmup(), 0),
                    start);
            List<IterationResult> warmResults = new LoadRunner(
                            settings.warmup(),
                            settings.concurrency(),
                            0,
                            settings.maxDuration(),
                            new Progress(out, settings.warmup()))
                    .run(warm::run, start);
            warmResults.forEach(r -> keep(leftovers, r));
        }

        out.printf(
                "%s: %d iterations, %s, poll interval %d ms ...%n",
                settings.scenario().cliName(),
                settings.times(),
                settings.rate() > 0
                        ? settings.rate() + " boots/s on up to " + settings.concurrency() + " workers"
                        : "concurrency " + settings.concurrency(),
                settings.pollInterval().toMillis());
        EventSampler events = new EventSampler(client, settings.times(), settings.eventsSample());
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        Iteration iteration = new Iteration(
                settings.scenario(), client, waiter, settings.flavor(), settings.image(), networkId, events, start);
        List<IterationResult> results = new LoadRunner(
                        settings.times(),
                        settings.concurrency(),
                        settings.rate(),
                        settings.maxDuration(),
                        new Progress(out, settings.times()))
                .run(iteration::run, start);
        double seconds = (System.nanoTime() - start) / 1e9;
        machine.put("load average after", loadAverage());
        // The load generator shares the machine with the cloud: what it took is what the cloud did not get.
        machine.put(
                "benchmark client CPU during the load",
                String.format(
                        Locale.ROOT,
                        "%.1f s (%.0f %% of one core)",
                        (processCpuNanos() - cpuBefore) / 1e9,
                        100 * (processCpuNanos() - cpuBefore) / 1e9 / seconds));
        results.forEach(r -> keep(leftovers, r));

        List<Stage.Sample> samples = events.samples(results);
        if (events.unreadable() > 0) {
            out.printf(
                    "%d sampled iterations had unreadable action events (%s)%n",
                    events.unreadable(), events.firstFailure());
        }
        if (settings.cleanup() && !leftovers.isEmpty()) {
            out.printf("deleting the %d servers the run left ...%n", leftovers.size());
            cleanUp(client, leftovers);
        }

        BenchmarkReport report = report(results, seconds, samples, baseline, machine);
        write(report);
        return report;
    }

    /** Servers that still exist after their iteration: boot-and-list keeps them, a failed boot may leave one. */
    private void keep(List<String> leftovers, IterationResult result) {
        if (result.serverId() != null && (settings.scenario() == Scenario.BOOT_AND_LIST || !result.ok())) {
            leftovers.add(result.serverId());
        }
    }

    private static void cleanUp(NovaClient client, List<String> ids) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (String id : ids) {
            pool.execute(() -> {
                try {
                    client.deleteServer(id);
                } catch (RuntimeException e) {
                    // Already gone, or it will be left for the operator; the report is what matters here.
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
    }

    private BenchmarkReport report(
            List<IterationResult> results,
            double seconds,
            List<Stage.Sample> samples,
            RpcBaseline.Result baseline,
            Map<String, Object> machine) {
        List<IterationResult> ok = results.stream().filter(IterationResult::ok).toList();
        List<StageSummary> stages = new ArrayList<>();
        for (Stage stage : Stage.ALL) {
            double[] values = samples.stream()
                    .map(stage.millis())
                    .mapToDouble(v -> v == null ? Double.NaN : v)
                    .toArray();
            Percentiles p = Percentiles.of(values);
            if (p.count() > 0) {
                stages.add(new StageSummary(stage.name(), stage.what(), stage.messaging(), p));
            }
        }
        double messagingShare = Double.NaN;
        if (!samples.isEmpty() && baseline != null) {
            double rtt = baseline.sequentialMs().p50();
            double[] shares = samples.stream()
                    .mapToDouble(s -> {
                        double hops = CALLS_PER_LAUNCH * rtt;
                        for (Stage stage : Stage.ALL) {
                            Double v = stage.messaging() ? stage.millis().apply(s) : null;
                            hops += v == null ? 0 : v;
                        }
                        return hops / s.iteration().launchMs();
                    })
                    .toArray();
            messagingShare = Percentiles.of(shares).p50();
        }
        List<String> failures = results.stream()
                .filter(r -> !r.ok())
                .map(IterationResult::error)
                .distinct()
                .limit(10)
                .toList();
        return new BenchmarkReport(
                settings.scenario().cliName(),
                settings.describe(broker.toString()),
                machine,
                results.size(),
                ok.size(),
                results.size() - ok.size(),
                seconds,
                ok.size() / seconds,
                Percentiles.of(
                        ok.stream().mapToDouble(IterationResult::launchMs).toArray()),
                Percentiles.of(
                        ok.stream().mapToDouble(IterationResult::launchSeenMs).toArray()),
                Percentiles.of(ok.stream()
                        .mapToDouble(IterationResult::launchSeenErrorMs)
                        .toArray()),
                ok.stream().filter(r -> r.launchSeenMs() != r.launchMs()).count(),
                Percentiles.of(
                        ok.stream().mapToDouble(IterationResult::deleteMs).toArray()),
                Percentiles.of(ok.stream().mapToDouble(IterationResult::listMs).toArray()),
                settings.rate() > 0
                        ? Percentiles.of(results.stream()
                                .mapToDouble(IterationResult::startLagMs)
                                .toArray())
                        : Percentiles.EMPTY,
                results.stream().mapToInt(IterationResult::polls).average().orElse(0),
                EventSampler.subSecondTimes(samples),
                samples.size(),
                stages,
                messagingShare,
                baseline,
                failures,
                results);
    }

    private void write(BenchmarkReport report) throws IOException {
        Path dir = settings.out();
        Files.createDirectories(dir);
        String chart = "latency.png";
        LatencyChart.write(
                dir.resolve(chart),
                "novasim " + report.scenario() + ": latency over time",
                String.format(
                        Locale.ROOT,
                        "%d iterations, concurrency %d, %s hosts: %.1f/s, launch p50 %.1f ms, p99 %.1f ms",
                        report.iterations(),
                        settings.concurrency(),
                        settings.hosts(),
                        report.throughput(),
                        report.launchMs().p50(),
                        report.launchMs().p99()),
                report.results());
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(report, chart));
        JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValue(dir.resolve("report.json").toFile(), report);
        out.printf(
                Locale.ROOT,
                "%n%d ok, %d failed in %.1f s: %.1f per second; launch → ACTIVE p50 %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; delete p50 %.1f ms%n",
                report.successes(),
                report.failures(),
                report.durationSeconds(),
                report.throughput(),
                report.launchMs().p50(),
                report.launchMs().p90(),
                report.launchMs().p99(),
                report.launchMs().max(),
                report.deleteMs().p50());
        out.println("report: " + dir.resolve("report.md") + " (and report.json, " + chart + ")");
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
