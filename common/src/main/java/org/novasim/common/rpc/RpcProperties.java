package org.novasim.common.rpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RPC settings shared by every service.
 *
 * @param exchange       the topic exchange all services talk on (oslo's control_exchange)
 * @param callTimeout    how long a call waits for its reply (oslo's rpc_response_timeout)
 * @param confirmTimeout how long a publish waits for the broker's confirm
 */
@ConfigurationProperties("novasim.rpc")
public record RpcProperties(
        @DefaultValue("nova") String exchange,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("10s") Duration confirmTimeout) {}
