package org.novasim.api.metrics;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cloud's gauges (openstack-exporter's names).
 *
 * @param perHost whether the host gauges have a series per host (sums over all hosts otherwise: 10,000 hosts
 *                would make 70,000 series)
 * @param refresh how often the gauges are recomputed
 */
@ConfigurationProperties("novasim.metrics")
public record MetricsProperties(
        @DefaultValue("false") boolean perHost,
        @DefaultValue("10s") Duration refresh) {

    public MetricsProperties {
        Settings.positive("novasim.metrics.refresh", refresh);
    }
}
