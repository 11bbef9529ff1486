package org.novasim.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyMultiGaugeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SteadyMultiGauge gauge = new SteadyMultiGauge(registry, "test.rows", "rows");

    @Test
    void aRowKeepsItsMeterAcrossRefreshesWhileItsValueChanges() {
        gauge.set(Map.of(Tags.of("state", "up"), 3d));
        Gauge up = registry.get("test.rows").tag("state", "up").gauge();
        assertThat(up.value()).isEqualTo(3);

        gauge.set(Map.of(Tags.of("state", "up"), 4d));

        // the very meter a scrape would read, never removed in between (overwriting removed and registered it again)
        assertThat(registry.get("test.rows").tag("state", "up").gauge()).isSameAs(up);
        assertThat(up.value()).isEqualTo(4);
    }

    @Test
    void rowsComeAndGoWithTheRefresh() {
        gauge.set(Map.of(Tags.of("state", "up"), 1d, Tags.of("state", "down"), 2d));
        gauge.set(Map.of(Tags.of("state", "down"), 5d, Tags.of("state", "disabled"), 1d));

        assertThat(registry.find("test.rows").tag("state", "up").gauge()).isNull();
        assertThat(registry.get("test.rows").tag("state", "down").gauge().value())
                .isEqualTo(5);
        assertThat(registry.get("test.rows").tag("state", "disabled").gauge().value())
                .isEqualTo(1);
    }
}
