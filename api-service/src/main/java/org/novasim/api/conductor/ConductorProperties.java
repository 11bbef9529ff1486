package org.novasim.api.conductor;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The conductor's knobs.
 *
 * @param consumers         concurrent consumers of the shared {@code conductor} queue; builds wait on the
 *                          scheduler's answer, so there are enough for many at once
 * @param stateConsumers    concurrent consumers of {@code conductor_state}, where hosts report state changes
 *                          (each a short database transaction; keep below the database pool)
 * @param maxHostsPerBuild  how many hosts a build may try in all when hosts keep refusing it for want of room
 * @param buildTimeout      an instance still building this long after its creation goes to ERROR (Nova's
 *                          instance_build_timeout); zero turns it off
 * @param buildTimeoutCheck how often the conductor looks for builds that timed out
 * @param handoverTimeout   how long a create waits for the broker to take its build (riding out a short broker
 *                          restart) before it answers 503 with Retry-After, leaving nothing behind
 */
@ConfigurationProperties("novasim.conductor")
public record ConductorProperties(
        @DefaultValue("16") int consumers,
        @DefaultValue("10") int maxHostsPerBuild,
        @DefaultValue("600s") Duration buildTimeout,
        @DefaultValue("30s") Duration buildTimeoutCheck,
        @DefaultValue("10s") Duration handoverTimeout,
        @DefaultValue("8") int stateConsumers) {

    public ConductorProperties {
        Settings.atLeast("novasim.conductor.consumers", consumers, 1);
        Settings.atLeast("novasim.conductor.state-consumers", stateConsumers, 1);
        Settings.atLeast("novasim.conductor.max-hosts-per-build", maxHostsPerBuild, 1);
        Settings.notNegative("novasim.conductor.build-timeout", buildTimeout);
        Settings.positive("novasim.conductor.build-timeout-check", buildTimeoutCheck);
        Settings.positive("novasim.conductor.handover-timeout", handoverTimeout);
    }
}
