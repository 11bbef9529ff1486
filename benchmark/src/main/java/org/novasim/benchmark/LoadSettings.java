package org.novasim.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.benchmark.api.Credentials;
import org.novasim.benchmark.load.Scenario;

/**
 * The options of a load run.
 *
 * @param hosts         how many hosts the target cloud simulates (the tool cannot see it; it goes in the report)
 * @param network       "auto" for the cloud's default network, or the name of a network to use (created with
 *                      {@code networkCidr} when missing: boot-and-list keeps its servers, so it needs room)
 * @param eventsSample  iterations whose action events are read for the stage breakdown (0: none)
 * @param rpcCalls      calls of the raw RPC baseline (0: no baseline)
 */
record LoadSettings(
        Scenario scenario,
        String url,
        Credentials credentials,
        int times,
        int concurrency,
        double rate,
        String flavor,
        String image,
        String hosts,
        String network,
        String networkCidr,
        Duration pollInterval,
        Duration timeout,
        Duration maxDuration,
        int warmup,
        int eventsSample,
        int rpcCalls,
        int rpcCallers,
        boolean cleanup,
        Path out) {

    static final String CIRROS = "b5a0c9a4-4c1e-4f7a-9b2d-6c3f0e1d2a7b";

    static LoadSettings parse(Scenario scenario, Args args) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        LoadSettings settings = new LoadSettings(
                scenario,
                args.string("url", "http://127.0.0.1:8774"),
                new Credentials(
                        args.string("user", "admin"),
                        args.string("password", "admin"),
                        args.string("project", "admin")),
                args.integer("times", 100),
                args.integer("concurrency", 10),
                args.decimal("rate", 0),
                args.string("flavor", "1"),
                args.string("image", CIRROS),
                args.string("hosts", "not given"),
                args.string("network", scenario == Scenario.BOOT_AND_LIST ? "novasim-bench" : "auto"),
                args.string("network-cidr", "10.128.0.0/16"),
                args.duration("poll-interval", Duration.ofMillis(5)),
                args.duration("timeout", Duration.ofSeconds(60)),
                args.duration("max-duration", Duration.ofMinutes(15)),
                args.integer("warmup", 0),
                args.integer("events", 500),
                args.integer("rpc-calls", 2000),
                args.integer("rpc-callers", 16),
                Boolean.parseBoolean(args.string("cleanup", "true")),
                Path.of(args.string("out", "target/benchmark-results/" + scenario.cliName() + "-" + stamp)));
        args.rejectUnknown();
        if (settings.times < 1 || settings.concurrency < 1 || settings.rate < 0) {
            throw new IllegalArgumentException("--times and --concurrency must be positive, --rate not negative");
        }
        return settings;
    }

    /** The settings as the report shows them (no password). */
    Map<String, Object> describe(String broker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.cliName());
        m.put("target", url);
        m.put("user / project", credentials.user() + " / " + credentials.project());
        m.put("simulated hosts (--hosts)", hosts);
        m.put("times", times);
        m.put("concurrency", concurrency);
        m.put("rate", rate > 0 ? rate + " boots/s (constant arrival)" : "closed loop");
        m.put("warm-up iterations (not counted)", warmup);
        m.put("flavor / image", flavor + " / " + image);
        m.put("network", network);
        m.put("poll interval", pollInterval.toMillis() + " ms");
        m.put("broker (RPC baseline)", broker);
        return m;
    }
}
