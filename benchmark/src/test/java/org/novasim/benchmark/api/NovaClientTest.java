package org.novasim.benchmark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class NovaClientTest {

    @Test
    void readsNovaTimesWithAndWithoutAZone() {
        JsonNodeFactory f = JsonNodeFactory.instance;

        assertThat(NovaClient.time(f.stringNode("2026-11-25T21:00:00.123456")))
                .isEqualTo(Instant.parse("2026-11-25T21:00:00.123456Z"));
        assertThat(NovaClient.time(f.stringNode("2026-11-25T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
        assertThat(NovaClient.time(f.stringNode("2026-11-25T21:00:00.5+00:00")))
                .isEqualTo(Instant.parse("2026-11-25T21:00:00.500Z"));
        assertThat(NovaClient.time(f.nullNode())).isNull();
        assertThat(NovaClient.time(f.stringNode("yesterday"))).isNull();
    }
}
