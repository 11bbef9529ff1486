package org.novasim.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.novasim.common.rpc.RpcProperties;

/** A bad setting stops a service at start, naming the setting. */
class SettingsTest {

    @Test
    void aBadValueIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new RpcProperties(
                        "nova",
                        Duration.ZERO,
                        Duration.ofSeconds(10),
                        null,
                        Duration.ofSeconds(60),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(2),
                        "dead_letters"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("novasim.rpc.call-timeout must be a positive duration, not PT0S");
        assertThatThrownBy(() -> Settings.atLeast("novasim.compute.consumers", 0, 1))
                .hasMessage("novasim.compute.consumers must be at least 1, not 0");
        assertThatThrownBy(() -> Settings.between("novasim.compute.fake-driver.failure-rate", 1.5, 0.0, 1.0))
                .hasMessage("novasim.compute.fake-driver.failure-rate must be between 0.0 and 1.0, not 1.5");
    }
}
