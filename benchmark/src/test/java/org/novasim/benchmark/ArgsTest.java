package org.novasim.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.benchmark.load.Scenario;

class ArgsTest {

    @Test
    void readsBothSpellingsAndDurations() {
        LoadSettings settings = LoadSettings.parse(
                Scenario.BOOT_AND_DELETE,
                new Args(List.of(
                        "--times",
                        "2000",
                        "--concurrency=50",
                        "--rate",
                        "150.5",
                        "--poll-interval",
                        "2ms",
                        "--max-duration",
                        "10m",
                        "--hosts",
                        "1000")));

        assertThat(settings.times()).isEqualTo(2000);
        assertThat(settings.concurrency()).isEqualTo(50);
        assertThat(settings.rate()).isEqualTo(150.5);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(2));
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.network()).isEqualTo("auto");
    }

    @Test
    void bootAndListGetsANetworkWithRoomForItsServers() {
        LoadSettings settings = LoadSettings.parse(Scenario.BOOT_AND_LIST, new Args(List.of()));

        assertThat(settings.network()).isEqualTo("novasim-bench");
    }

    @Test
    void aTypoIsAnErrorNotADefault() {
        assertThatThrownBy(() -> LoadSettings.parse(Scenario.BOOT_AND_DELETE, new Args(List.of("--concurrancy", "5"))))
                .hasMessageContaining("--concurrancy");
        assertThatThrownBy(() -> new Args(List.of("--times")).integer("times", 1))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(
                        () -> LoadSettings.parse(Scenario.BOOT_AND_DELETE, new Args(List.of("--poll-interval", "5"))))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> Scenario.of("boot-and-reboot")).hasMessageContaining("boot-and-delete");
    }
}
