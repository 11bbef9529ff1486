package org.novasim.compute;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Behaviour of the simulated hypervisor: how long a boot takes and how often it fails, for all hosts, with
 * per-host overrides so reschedules and errors can be produced on purpose.
 *
 * @param spawnDelay    time a boot takes; with {@code spawnDelayMax}, the shortest of a uniform range
 * @param spawnDelayMax the longest boot, or null for a fixed delay
 * @param failureRate   share of boots that fail, 0.0 to 1.0
 * @param powerDelay    time a stop, a start or a reboot takes
 * @param hosts         per-host overrides, by host name
 * @param seed          seed of the random choices, for reproducible runs; null for a random seed
 * @param failingOperations driver operations that fail on every host, by Nova's virt driver names ({@code pause},
 *                      {@code suspend}, {@code rescue}, {@code snapshot}, {@code migrate_disk_and_power_off},
 *                      {@code finish_migration}, ...), so each action's failure path can be produced on purpose
 */
@ConfigurationProperties("novasim.compute.fake-driver")
public record FakeDriverProperties(
        @DefaultValue("0ms") Duration spawnDelay,
        Duration spawnDelayMax,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0ms") Duration powerDelay,
        Map<String, HostBehaviour> hosts,
        Long seed,
        Set<String> failingOperations) {

    public FakeDriverProperties {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
        failingOperations = failingOperations == null ? Set.of() : Set.copyOf(failingOperations);
        powerDelay = powerDelay == null ? Duration.ZERO : powerDelay;
        spawnDelay = spawnDelay == null ? Duration.ZERO : spawnDelay;
        Settings.between("novasim.compute.fake-driver.failure-rate", failureRate, 0.0, 1.0);
        Settings.notNegative("novasim.compute.fake-driver.spawn-delay", spawnDelay);
        Settings.notNegative("novasim.compute.fake-driver.power-delay", powerDelay);
    }

    /** Overrides for one host; a null field keeps the global value. */
    public record HostBehaviour(
            Duration spawnDelay,
            Duration spawnDelayMax,
            Double failureRate,
            Duration powerDelay,
            Set<String> failingOperations) {}

    public Behaviour behaviourOf(String host) {
        HostBehaviour override = hosts.get(host);
        if (override == null) {
            return new Behaviour(spawnDelay, spawnDelayMax, failureRate, powerDelay, failingOperations);
        }
        return new Behaviour(
                override.spawnDelay() != null ? override.spawnDelay() : spawnDelay,
                override.spawnDelayMax() != null
                        ? override.spawnDelayMax()
                        : override.spawnDelay() != null ? null : spawnDelayMax,
                override.failureRate() != null ? override.failureRate() : failureRate,
                override.powerDelay() != null ? override.powerDelay() : powerDelay,
                override.failingOperations() != null ? override.failingOperations() : failingOperations);
    }

    /** What one host's hypervisor does. */
    public record Behaviour(
            Duration spawnDelay,
            Duration spawnDelayMax,
            double failureRate,
            Duration powerDelay,
            Set<String> failingOperations) {

        public Behaviour {
            if (failureRate < 0.0 || failureRate > 1.0) {
                throw new IllegalArgumentException("failure rate must be between 0.0 and 1.0: " + failureRate);
            }
            failingOperations = failingOperations == null ? Set.of() : Set.copyOf(failingOperations);
            if (spawnDelayMax != null && spawnDelayMax.compareTo(spawnDelay) < 0) {
                throw new IllegalArgumentException(
                        "spawn delay max " + spawnDelayMax + " is below the minimum " + spawnDelay);
            }
        }
    }
}
