package org.novasim.scheduler;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's knobs, named as in Nova's [filter_scheduler] and [DEFAULT] sections.
 *
 * @param serviceDownTime  a host whose last report is older than this is down and never chosen
 * @param hostSubsetSize   choose at random among this many best-weighed hosts (spreads concurrent requests)
 * @param maxAttempts      hosts tried per instance: the chosen one plus {@code maxAttempts - 1} alternates
 * @param claimTimeout     how long a claim counts on top of the host's reports when no report says the host took
 *                         the build in (a build that never reached its host); also how long the hosts chosen for
 *                         a server group's members are remembered
 * @param consumers        concurrent select_destinations handlers
 */
@ConfigurationProperties("novasim.scheduler")
public record SchedulerProperties(
        @DefaultValue("60s") Duration serviceDownTime,
        @DefaultValue("1") int hostSubsetSize,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30s") Duration claimTimeout,
        @DefaultValue Weights weights,
        @DefaultValue("4") int consumers) {

    public SchedulerProperties {
        Settings.positive("novasim.scheduler.service-down-time", serviceDownTime);
        Settings.atLeast("novasim.scheduler.host-subset-size", hostSubsetSize, 1);
        Settings.atLeast("novasim.scheduler.max-attempts", maxAttempts, 1);
        Settings.positive("novasim.scheduler.claim-timeout", claimTimeout);
        Settings.atLeast("novasim.scheduler.consumers", consumers, 1);
    }

    /** Weigher multipliers; a negative multiplier makes a weigher prefer hosts with less (stacking over spreading). */
    public record Weights(
            @DefaultValue("1.0") double ramWeightMultiplier,
            @DefaultValue("1.0") double cpuWeightMultiplier,
            @DefaultValue("1.0") double diskWeightMultiplier,
            @DefaultValue("1000000.0") double buildFailureWeightMultiplier) {}
}
