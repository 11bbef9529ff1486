package org.novasim.common.rpc;

import java.time.Duration;
import java.util.Map;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RPC settings shared by every service.
 *
 * @param exchange       the topic exchange all services talk on (oslo's control_exchange)
 * @param callTimeout    how long a call waits for its reply (oslo's rpc_response_timeout)
 * @param confirmTimeout how long a publish waits for the broker's confirm
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
        Map<String, RpcVersion> versionCaps) {

    public RpcProperties {
        Settings.positive("novasim.rpc.call-timeout", callTimeout);
        Settings.positive("novasim.rpc.confirm-timeout", confirmTimeout);
        versionCaps = versionCaps == null ? Map.of() : Map.copyOf(versionCaps);
    }

    /** The cap of a topic, null when uncapped. */
    public RpcVersion capOf(String topic) {
        return versionCaps.get(topic);
    }
}
