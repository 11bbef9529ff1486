package org.novasim.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.novasim.compute.ComputeServiceApplication;
import tools.jackson.databind.JsonNode;

/**
 * The figures issue 3 asks for, measured against the real broker. Not a test: it asserts nothing, prints what it
 * measured, and is not run by the build (its name matches no test pattern). Run one of its scenarios with
 * <pre>
 * ./mvnw -B -q -o verify -pl system-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test='ScaleBenchmark#launchesOnAThousandHosts'
 * ./mvnw -B -q -o verify -pl system-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test='ScaleBenchmark#hostsShowUpAndComputeHeap'
 * </pre>
 */
class ScaleBenchmark {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern STARTED = Pattern.compile(
            "Started ComputeServiceApplication in [\\d.]+ seconds " + "\\(process running for ([\\d.]+)\\)");

    /**
     * 500 launches at once (50 clients) on 1,000 hosts with room for two m1.small each, boots of 0.1 to 1 s of
     * which 30 % fail (so some instances run out of attempts): every instance must end ACTIVE or ERROR with a fault, and no host may ever hold more than it
     * has, as the hypervisors API (the hosts' own trackers) shows it, polled throughout.
     */
    @Test
    void launchesOnAThousandHosts() throws Exception {
        int hosts = Integer.getInteger("novasim.bench.hosts", 1000);
        int launches = Integer.getInteger("novasim.bench.launches", 500);
        try (Cloud cloud = Cloud.onH2()
                .compute("novasim.compute.hosts[0].count", hosts)
                .compute("novasim.compute.hosts[0].vcpus", 4)
                .compute("novasim.compute.hosts[0].memory-mb", 4608)
                .compute("novasim.compute.hosts[0].disk-gb", 100)
                .compute("novasim.compute.fake-driver.spawn-delay", "100ms")
                .compute("novasim.compute.fake-driver.spawn-delay-max", "1000ms")
                .compute("novasim.compute.fake-driver.failure-rate", 0.3)
                .api("novasim.quota.defaults.instances", -1)
                .api("novasim.quota.defaults.cores", -1)
                .api("novasim.quota.defaults.ram", -1)
                .api("novasim.conductor.consumers", Integer.getInteger("novasim.bench.conductors", 16))
                .start()) {
            ApiClient api = cloud.client();
            await().atMost(Duration.ofMinutes(2)).until(() -> hypervisors(api).size() == hosts);
            Overcommit overcommit = new Overcommit(api);
            Thread watcher = new Thread(overcommit, "overcommit-watch");
            watcher.start();

            long start = System.nanoTime();
            Map<String, Long> postedAt = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(50);
            AtomicInteger refused = new AtomicInteger();
            for (int i = 0; i < launches; i++) {
                int index = i;
                clients.execute(() -> {
                    ApiClient.Response response =
                            api.post("/compute/v2.1/servers", """
                            {"server": {"name": "bench-%d", "flavorRef": "2", "imageRef": "%s", "networks": "none"}}""".formatted(index, LaunchPipelineIT.CIRROS));
                    if (response.status() == 202) {
                        postedAt.put(response.body().get("server").get("id").asString(), System.nanoTime());
                    } else if (refused.getAndIncrement() < 3) {
                        System.out.println("refused: " + response.status() + " "
                                + response.raw().body());
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(5, TimeUnit.MINUTES);
            long accepted = System.nanoTime();

            Map<String, Long> endedAt = new ConcurrentHashMap<>();
            Map<String, String> outcome = new ConcurrentHashMap<>();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (JsonNode server : api.get("/compute/v2.1/servers/detail?limit=1000")
                                .body()
                                .get("servers")) {
                            String id = server.get("id").asString();
                            String status = server.get("status").asString();
                            if (!endedAt.containsKey(id) && ("ACTIVE".equals(status) || "ERROR".equals(status))) {
                                endedAt.put(id, System.nanoTime());
                                outcome.put(
                                        id,
                                        "ACTIVE".equals(status)
                                                ? "ACTIVE"
                                                : server.has("fault")
                                                        ? "ERROR: "
                                                                + server.get("fault")
                                                                        .get("message")
                                                                        .asString()
                                                                        .replaceAll(
                                                                                "instance [0-9a-f-]{36}",
                                                                                "instance <uuid>")
                                                                        .replaceAll(" on [\\w.-]+$", " on <host>")
                                                        : "ERROR without a fault");
                            }
                        }
                        return endedAt.size() >= postedAt.size();
                    });
            long settled = System.nanoTime();
            overcommit.stop();
            watcher.join();

            long[] latencies = postedAt.entrySet().stream()
                    .mapToLong(e -> endedAt.get(e.getKey()) - e.getValue())
                    .sorted()
                    .toArray();
            Map<String, Integer> outcomes = new TreeMap<>();
            outcome.values().forEach(o -> outcomes.merge(o, 1, Integer::sum));
            System.out.printf(
                    "%n== %d launches at once (50 clients) on %d hosts in one compute-service ==%n", launches, hosts);
            System.out.printf(
                    "accepted %d (refused %d) in %.1f s; all ended in %.1f s (%.0f launches/s)%n",
                    postedAt.size(),
                    refused.get(),
                    seconds(accepted - start),
                    seconds(settled - start),
                    postedAt.size() / seconds(settled - start));
            System.out.printf(
                    "request to ACTIVE/ERROR: p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s%n",
                    quantile(latencies, 0.5),
                    quantile(latencies, 0.9),
                    quantile(latencies, 0.99),
                    seconds(latencies[latencies.length - 1]));
            outcomes.forEach((what, count) -> System.out.printf("  %4d %s%n", count, what));
            System.out.printf(
                    "hypervisors polled %d times during the run: %d host(s) ever above capacity; "
                            + "most memory used on one host %d of %d MB%n",
                    overcommit.polls.get(), overcommit.violations.get(), overcommit.maxMemoryUsed.get(), 4608);
        }
    }

    /**
     * A compute-service in a JVM of its own with 1,000, then 10,000 hosts: how long until the hypervisors API lists
     * them all (from the process start: JVM start, first report, the API recording the new services), and the
     * heap the compute-service uses once they all reported (after a full GC).
     */
    @Test
    void hostsShowUpAndComputeHeap() throws Exception {
        for (int hosts : new int[] {1_000, 10_000}) {
            try (Cloud cloud = Cloud.onH2().withoutCompute().start()) {
                ApiClient api = cloud.client();
                Path log = Files.createTempFile("compute-" + hosts + "-", ".log");
                List<String> command = new ArrayList<>(List.of(
                        javaBinary(),
                        "-Xmx2g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ComputeServiceApplication.class.getName(),
                        "--spring.config.name=" + ComputeServiceApplication.CONFIG_NAME));
                command.addAll(cloud.commonArguments());
                command.addAll(
                        List.of("--novasim.compute.service-name=bench", "--novasim.compute.hosts[0].count=" + hosts));
                long start = System.nanoTime();
                Process compute = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                try {
                    long[] first = {0};
                    await().atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> {
                                int shown = hypervisorList(api).size();
                                if (shown > 0 && first[0] == 0) {
                                    first[0] = System.nanoTime();
                                }
                                return shown == hosts;
                            });
                    long all = System.nanoTime();
                    // Two full report intervals, so the heap holds what a steady state holds.
                    TimeUnit.SECONDS.sleep(20);
                    long heapKb = heapAfterGc(compute.pid());
                    System.out.printf("%n== compute-service with %,d hosts ==%n", hosts);
                    Matcher ready = STARTED.matcher(Files.readString(log));
                    double readyAfter = ready.find() ? Double.parseDouble(ready.group(1)) : Double.NaN;
                    System.out.printf(
                            "all %,d in /os-hypervisors %.1f s after the process started, %.1f s after "
                                    + "it was ready (%.1f s to start), %.1f s after the first one; heap used after a "
                                    + "full GC: %,d MB (log: %s)%n",
                            hosts,
                            seconds(all - start),
                            seconds(all - start) - readyAfter,
                            readyAfter,
                            seconds(all - first[0]),
                            heapKb / 1024,
                            log);
                } finally {
                    compute.destroy();
                    compute.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap from: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JsonNode hypervisors(ApiClient api) {
        return api.get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors");
    }

    private static JsonNode hypervisorList(ApiClient api) {
        return api.get("/compute/v2.1/os-hypervisors").body().get("hypervisors");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double quantile(long[] sorted, double q) {
        return seconds(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)]);
    }

    /** Polls every host's usage while launches run, counting any host that holds more than it may. */
    private static final class Overcommit implements Runnable {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger violations = new AtomicInteger();
        final AtomicInteger maxMemoryUsed = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ApiClient api;

        Overcommit(ApiClient api) {
            this.api = api;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                for (JsonNode host : hypervisors(api)) {
                    int memoryUsed = host.get("memory_mb_used").asInt();
                    maxMemoryUsed.accumulateAndGet(memoryUsed, Math::max);
                    if (memoryUsed > host.get("memory_mb").asInt()
                            || host.get("vcpus_used").asInt()
                                    > host.get("vcpus").asInt() * 4
                            || host.get("local_gb_used").asInt()
                                    > host.get("local_gb").asInt()) {
                        violations.incrementAndGet();
                    }
                }
                polls.incrementAndGet();
                try {
                    TimeUnit.MILLISECONDS.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
