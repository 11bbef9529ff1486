package org.novasim.benchmark.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.benchmark.api.Credentials;

/**
 * The options of a run under a fault.
 *
 * @param times   launches, one every {@code 1 / rate} seconds
 * @param settle  how long a launch is watched before it counts as stuck
 * @param ratios  the target's allocation ratios, to tell a host over capacity
 * @param cleanup delete the servers afterwards
 */
public record FaultSettings(
        String url,
        Credentials credentials,
        int times,
        double rate,
        String flavor,
        String image,
        String network,
        Fault fault,
        Duration settle,
        CloudSurvey.Ratios ratios,
        boolean cleanup,
        Path out) {

    public FaultSettings {
        if (times < 1 || rate <= 0) {
            throw new IllegalArgumentException("--times must be positive and --rate above 0");
        }
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", "boot-under-fault");
        m.put("target", url);
        m.put("launches", times + " at " + rate + " per second");
        m.put("flavor / image / network", flavor + " / " + image + " / " + network);
        m.put("fault", fault.name());
        m.put(
                "injected",
                fault.inject() == null
                        ? "-"
                        : fault.inject() + " at " + fault.at().toMillis() / 1000.0 + " s");
        m.put(
                "lifted",
                fault.lift() == null
                        ? "-"
                        : fault.lift() + " " + fault.lasting().toMillis() / 1000.0 + " s later");
        m.put("a launch is stuck after", settle.toSeconds() + " s");
        m.put("allocation ratios (cpu, ram, disk)", ratios.cpu() + ", " + ratios.ram() + ", " + ratios.disk());
        return m;
    }
}
