package org.novasim.api.dashboard;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard ({@code /dashboard}).
 *
 * @param tick                  how often a browser gets the changes (one batched event per tick)
 * @param streamTimeout         how long one event stream lasts; the browser then reconnects from a snapshot
 * @param rabbitmqManagementUrl where the messages view links RabbitMQ's management UI
 * @param traceUrl              prefix that makes a trace id a link (e.g. Jaeger's {@code http://127.0.0.1:16686/trace/});
 *                              empty: trace ids are shown as text
 */
@ConfigurationProperties("novasim.dashboard")
record DashboardProperties(
        @DefaultValue("1s") Duration tick,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("http://127.0.0.1:15672/") String rabbitmqManagementUrl,
        @DefaultValue("") String traceUrl) {

    DashboardProperties {
        Settings.positive("novasim.dashboard.tick", tick);
        Settings.positive("novasim.dashboard.stream-timeout", streamTimeout);
    }
}
