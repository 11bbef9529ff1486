package org.novasim.common.rpc;

import java.time.Duration;
import java.util.Map;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * RPC settings shared by every service.
 *
 * @param exchange       the topic exchange all services talk on (oslo's control_exchange)
 * @param callTimeout    how long a call waits for its reply (oslo's rpc_response_timeout)
 * @param confirmTimeout how long a publish waits for the broker's confirm
 * @param castTimeout    how long a cast keeps trying while the broker cannot take it (a call keeps trying within
 *                       its call timeout); the API's hand-over of a new server has its own, shorter, bound
 * @param retryInitialDelay the first wait before sending again what the broker could not take; each next wait is
 *                       twice as long, up to {@code retryMaxDelay}. Consumers reconnect on the same schedule.
 * @param retryMaxDelay  the longest wait between two tries
 * @param deadLetterQueue the durable queue where a cast that failed for good is kept, with why, for an operator
 * @param versionCaps    per topic, the highest contract version this process speaks (Nova's upgrade_levels /
 *                       version_cap): during a rolling upgrade, newer services are capped at what the older
 *                       ones understand. A capped process sends no method newer than the cap (the caller gets
 *                       {@link UnsupportedVersionException} at once) and leaves out the fields added after it;
 *                       it serves that version only, as a process of that release would.
 */
@ConfigurationProperties("novasim.rpc")
public record RpcProperties(
        @DefaultValue("nova") String exchange,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("10s") Duration confirmTimeout,
        Map<String, RpcVersion> versionCaps,
        @DefaultValue("60s") Duration castTimeout,
        @DefaultValue("100ms") Duration retryInitialDelay,
        @DefaultValue("2s") Duration retryMaxDelay,
        @DefaultValue("dead_letters") String deadLetterQueue) {

    public RpcProperties {
        Settings.positive("novasim.rpc.call-timeout", callTimeout);
        Settings.positive("novasim.rpc.confirm-timeout", confirmTimeout);
        Settings.positive("novasim.rpc.cast-timeout", castTimeout);
        Settings.positive("novasim.rpc.retry-initial-delay", retryInitialDelay);
        Settings.positive("novasim.rpc.retry-max-delay", retryMaxDelay);
        if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
            throw new IllegalArgumentException("novasim.rpc.retry-max-delay (" + retryMaxDelay
                    + ") must not be shorter than novasim.rpc.retry-initial-delay (" + retryInitialDelay + ")");
        }
        if (deadLetterQueue == null || deadLetterQueue.isBlank()) {
            throw new IllegalArgumentException("novasim.rpc.dead-letter-queue must name a queue");
        }
        versionCaps = versionCaps == null ? Map.of() : Map.copyOf(versionCaps);
    }

    /** How often a consumer whose connection went tries to come back: the same schedule as sending again. */
    public BackOff recoveryBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retryInitialDelay.toMillis(), 2);
        backOff.setMaxInterval(retryMaxDelay.toMillis());
        return backOff;
    }

    /** The cap of a topic, null when uncapped. */
    public RpcVersion capOf(String topic) {
        return versionCaps.get(topic);
    }
}
