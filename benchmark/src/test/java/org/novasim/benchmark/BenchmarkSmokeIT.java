package org.novasim.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novasim.api.ApiServiceApplication;
import org.novasim.benchmark.load.Scenario;
import org.novasim.benchmark.report.BenchmarkReport;
import org.novasim.benchmark.rpc.BrokerSettings;
import org.novasim.compute.ComputeServiceApplication;
import org.novasim.network.NetworkServiceApplication;
import org.novasim.scheduler.SchedulerServiceApplication;
import org.novasim.testsupport.TestBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark end to end, a few iterations against a small novasim in this JVM (four services over a real broker
 * in a virtual host of their own): it authenticates, measures, reads the events and writes all three reports.
 * It asserts what the run produced, never how fast it was.
 */
class BenchmarkSmokeIT {

    static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    static TestBroker.BrokerEndpoint broker;
    static String url;

    @BeforeAll
    static void startCloud(@TempDir Path data) {
        broker = TestBroker.isolated();
        Map<String, Object> common = new LinkedHashMap<>(broker.springProperties());
        common.put("server.port", 0);
        common.put("spring.main.banner-mode", "off");
        run(
                NetworkServiceApplication.class,
                NetworkServiceApplication.CONFIG_NAME,
                common,
                Map.of("spring.datasource.url", "jdbc:h2:file:" + data.resolve("network")));
        run(SchedulerServiceApplication.class, SchedulerServiceApplication.CONFIG_NAME, common, Map.of());
        run(
                ComputeServiceApplication.class,
                ComputeServiceApplication.CONFIG_NAME,
                common,
                Map.of("novasim.compute.report-interval", "1s"));
        ConfigurableApplicationContext api = run(
                ApiServiceApplication.class,
                ApiServiceApplication.CONFIG_NAME,
                common,
                Map.of("spring.datasource.url", "jdbc:h2:file:" + data.resolve("api")));
        url = "http://127.0.0.1:"
                + ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext run(
            Class<?> app, String config, Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(own);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app)
                .properties("spring.config.name=" + config)
                .run(args);
        services.add(0, context);
        return context;
    }

    @AfterAll
    static void stopCloud() {
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void bootAndDeleteWritesTheReports(@TempDir Path out) throws Exception {
        BenchmarkReport report = runScenario("boot-and-delete", out);

        assertThat(report.failures())
                .as("failures: %s", report.failureSamples())
                .isZero();
        assertThat(report.successes()).isEqualTo(4);
        assertThat(report.launchMs().count()).isEqualTo(4);
        // The API shows launched_at to the microsecond, as Nova does, so every launch is timed by it.
        assertThat(report.launchesTimedByLaunchedAt()).isEqualTo(4);
        assertThat(report.deleteMs().count()).isEqualTo(4);
        assertThat(report.rpcBaseline().sequentialMs().count()).isEqualTo(20);
        // Every iteration is sampled (--events 4 of 4) and its launch is broken into the stages of its events.
        assertThat(report.stageSamples()).isEqualTo(4);
        assertThat(report.eventTimesSubSecond()).isTrue();
        assertThat(report.stages()).extracting(s -> s.stage()).contains("scheduling", "networking", "spawning");
        // The servers are gone: boot-and-delete leaves nothing behind.
        assertThat(report.results())
                .allSatisfy(r -> assertThat(r.deleteRequestId()).isNotNull());
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("# novasim benchmark: boot-and-delete")
                .contains("launch → ACTIVE")
                .contains("Baseline: raw RPC round trip")
                .contains("latency.png");
        JsonNode json =
                JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        assertThat(json.path("successes").asInt()).isEqualTo(4);
        assertThat(json.path("results").size()).isEqualTo(4);
        byte[] png = Files.readAllBytes(out.resolve("latency.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void bootAndListKeepsItsServersUntilTheCleanUp(@TempDir Path out) throws Exception {
        BenchmarkReport report = runScenario("boot-and-list", out);

        assertThat(report.failures())
                .as("failures: %s", report.failureSamples())
                .isZero();
        assertThat(report.listMs().count()).isEqualTo(4);
        assertThat(report.deleteMs().count()).isZero();
    }

    private static BenchmarkReport runScenario(String scenario, Path out) throws Exception {
        Args args = new Args(List.of(
                "--url",
                url,
                "--times",
                "4",
                "--concurrency",
                "2",
                "--hosts",
                "4",
                "--warmup",
                "1",
                "--events",
                "4",
                "--rpc-calls",
                "20",
                "--rpc-callers",
                "2",
                "--timeout",
                "30s",
                "--out",
                out.toString()));
        LoadSettings settings = LoadSettings.parse(Scenario.of(scenario), args);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BrokerSettings brokerSettings = new BrokerSettings(
                broker.host(), broker.port(), broker.username(), broker.password(), broker.virtualHost());
        BenchmarkReport report =
                new LoadCommand(settings, brokerSettings, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("done").contains("report:");
        return report;
    }
}
