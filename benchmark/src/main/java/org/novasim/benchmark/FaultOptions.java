package org.novasim.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.novasim.benchmark.api.Credentials;
import org.novasim.benchmark.fault.CloudSurvey;
import org.novasim.benchmark.fault.Fault;
import org.novasim.benchmark.fault.FaultSettings;

/** The command line of {@code boot-under-fault}. */
final class FaultOptions {

    private FaultOptions() {}

    static FaultSettings parse(Args args) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String faultName = args.string("fault", "broker-restart");
        FaultSettings settings = new FaultSettings(
                args.string("url", "http://127.0.0.1:8774"),
                new Credentials(
                        args.string("user", "admin"),
                        args.string("password", "admin"),
                        args.string("project", "admin")),
                args.integer("times", 60),
                args.decimal("rate", 4),
                args.string("flavor", "1"),
                args.string("image", LoadSettings.CIRROS),
                args.string("network", "auto"),
                Fault.of(
                        faultName,
                        args.string("fault-start", null),
                        args.string("fault-end", null),
                        args.string("rabbitmq-node", null),
                        Path.of(args.string("novasim-home", ".")),
                        args.string("docker-network", "novasim_default"),
                        args.duration("fault-at", Duration.ofSeconds(1)),
                        args.duration("fault-for", Duration.ofSeconds(13))),
                args.duration("settle", Duration.ofSeconds(120)),
                new CloudSurvey.Ratios(
                        args.decimal("cpu-allocation-ratio", 4.0),
                        args.decimal("ram-allocation-ratio", 1.0),
                        args.decimal("disk-allocation-ratio", 1.0)),
                Boolean.parseBoolean(args.string("cleanup", "true")),
                Path.of(args.string("out", "target/benchmark-results/boot-under-fault-" + stamp)));
        args.rejectUnknown();
        return settings;
    }
}
