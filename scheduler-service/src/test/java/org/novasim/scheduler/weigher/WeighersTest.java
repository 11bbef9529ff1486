package org.novasim.scheduler.weigher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

/** Raw weights and multipliers of each weigher; normalisation across hosts is HostSelector's, tested there. */
class WeighersTest {

    private final HostState emptyHost = new HostState(Hosts.host("empty"), Hosts.T0);
    private final HostState busyHost = new HostState(Hosts.used("busy", 32, 16384, 250), Hosts.T0);

    @Test
    void ramWeigherPrefersFreeRam() {
        RamWeigher weigher = new RamWeigher(1.0);

        assertThat(weigher.rawWeight(emptyHost, Hosts.spec(Hosts.TINY))).isEqualTo(32768 - 512);
        assertThat(weigher.rawWeight(busyHost, Hosts.spec(Hosts.TINY))).isEqualTo(32768 - 512 - 16384);
        assertThat(new RamWeigher(-1.0).multiplier())
                .as("negative stacks instead of spreading")
                .isEqualTo(-1.0);
    }

    @Test
    void cpuWeigherPrefersFreeVcpusAfterTheRatio() {
        CpuWeigher weigher = new CpuWeigher(2.0);

        assertThat(weigher.rawWeight(emptyHost, Hosts.spec(Hosts.TINY))).isEqualTo(64);
        assertThat(weigher.rawWeight(busyHost, Hosts.spec(Hosts.TINY))).isEqualTo(32);
        assertThat(weigher.multiplier()).isEqualTo(2.0);
    }

    @Test
    void diskWeigherPrefersFreeDisk() {
        DiskWeigher weigher = new DiskWeigher(1.0);

        assertThat(weigher.rawWeight(emptyHost, Hosts.spec(Hosts.TINY))).isEqualTo(500);
        assertThat(weigher.rawWeight(busyHost, Hosts.spec(Hosts.TINY))).isEqualTo(250);
    }

    @Test
    void buildFailureWeigherPenalisesRecentFailuresWithItsMultiplierNegated() {
        BuildFailureWeigher weigher = new BuildFailureWeigher(1_000_000.0);
        HostState failing = new HostState(Hosts.with(Hosts.host("f"), "nova", true, 3, "x86_64", List.of()), Hosts.T0);

        assertThat(weigher.multiplier()).isEqualTo(-1_000_000.0);
        assertThat(weigher.rawWeight(failing, Hosts.spec(Hosts.TINY))).isEqualTo(3);
        assertThat(weigher.rawWeight(emptyHost, Hosts.spec(Hosts.TINY))).isZero();
    }

    @Test
    void weighersCountClaimsNotYetReported() {
        HostState claimed = new HostState(Hosts.host("c"), Hosts.T0);
        claimed.claim("i1", Hosts.SMALL, Hosts.T0);

        assertThat(new RamWeigher(1.0).rawWeight(claimed, Hosts.spec(Hosts.TINY)))
                .isEqualTo(32768 - 512 - 2048);
    }
}
