package org.novasim.benchmark.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.novasim.benchmark.api.NovaClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches at a steady rate while a fault is injected (a broker restart, a process killed, a network cut), then
 * tells how every launch ended and what the cloud holds afterwards: the fault scenario of issue 13. Bounded: a
 * fixed number of launches, each watched for at most {@code settle}.
 */
public final class FaultRun {

    private final FaultSettings settings;
    private final PrintStream out;

    public FaultRun(FaultSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public FaultReport run() throws IOException, InterruptedException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load average before", loadAverage());
        machine.put("started", Instant.now().toString());
        NovaClient client = new NovaClient(settings.url());
        client.authenticate(settings.credentials());
        client.unlimitedQuotas();
        String networkId =
                "auto".equals(settings.network()) ? null : client.network(settings.network(), "10.129.0.0/16");
        out.printf(
                Locale.ROOT,
                "boot-under-fault: %d launches at %.1f/s, fault %s ...%n",
                settings.times(),
                settings.rate(),
                settings.fault().name());

        long start = System.nanoTime();
        CompletableFuture<FaultWindow> window = FaultInjector.start(settings.fault(), start);
        Launch launch = new Launch(client, settings.flavor(), settings.image(), networkId, settings.settle(), start);
        List<LaunchResult> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-launch");
            thread.setDaemon(true);
            return thread;
        });
        long period = (long) (1e9 / settings.rate());
        for (int i = 0; i < settings.times(); i++) {
            long due = start + i * period;
            LockSupport.parkNanos(due - System.nanoTime());
            int index = i;
            workers.execute(() -> {
                LaunchResult result = launch.run(index);
                results.add(result);
                out.printf(
                        Locale.ROOT,
                        "  launch %d (sent at %.1f s): %s%s%n",
                        index,
                        result.startSeconds(),
                        result.outcome(),
                        result.detail() == null ? "" : " — " + result.detail());
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(settings.settle().toSeconds() + 120, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        FaultWindow fault;
        try {
            fault = window.get(
                    settings.fault().at().plus(settings.fault().lasting()).toSeconds() + 120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            fault = new FaultWindow(settings.fault().name(), Double.NaN, Double.NaN, "injector failed: " + e, "");
        }
        machine.put("load average after", loadAverage());
        CloudSurvey survey = CloudSurvey.read(client, settings.ratios());
        List<LaunchResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(LaunchResult::index));
        if (settings.cleanup()) {
            cleanUp(client, ordered);
        }
        FaultReport report = FaultReport.of(settings.describe(), machine, fault, survey, ordered);
        write(report);
        return report;
    }

    private void cleanUp(NovaClient client, List<LaunchResult> launches) {
        for (LaunchResult launch : launches) {
            if (launch.serverId() != null) {
                try {
                    client.deleteServer(launch.serverId());
                } catch (RuntimeException e) {
                    // Gone already, or left for the operator: the report is what matters here.
                }
            }
        }
    }

    private void write(FaultReport report) throws IOException {
        Path dir = settings.out();
        Files.createDirectories(dir);
        String chart = "launches.png";
        FaultChart.write(
                dir.resolve(chart),
                String.format(
                        Locale.ROOT,
                        "%d launches at %.1f/s: %d ACTIVE, %d ERROR, %d refused (503), %d stuck",
                        report.launches().size(),
                        settings.rate(),
                        report.count(Outcome.ACTIVE),
                        report.count(Outcome.ERROR),
                        report.count(Outcome.REFUSED),
                        report.count(Outcome.STUCK)),
                report.fault(),
                report.launches());
        Files.writeString(dir.resolve("report.md"), FaultMarkdown.render(report, chart));
        JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValue(dir.resolve("report.json").toFile(), report);
        out.printf(
                Locale.ROOT,
                "%n%d launches: %d ACTIVE, %d ERROR %s, %d refused (503), %d create failed, %d stuck; "
                        + "%d duplicate addresses, %d hosts over capacity, %d ports without instance, "
                        + "%d servers left by refused creates%n",
                report.launches().size(),
                report.count(Outcome.ACTIVE),
                report.count(Outcome.ERROR),
                report.errorsByFault(),
                report.count(Outcome.REFUSED),
                report.count(Outcome.CREATE_FAILED),
                report.count(Outcome.STUCK),
                report.survey().duplicateAddresses().size(),
                report.survey().hostsOverCapacity().size(),
                report.survey().portsWithoutInstance().size(),
                report.leftByRefused().size());
        out.println("report: " + dir.resolve("report.md") + " (and report.json, " + chart + ")");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
