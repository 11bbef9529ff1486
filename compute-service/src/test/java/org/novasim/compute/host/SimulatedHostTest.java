package org.novasim.compute.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReport;
import org.novasim.common.instance.FlavorSpec;

class SimulatedHostTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());

    private final SimulatedHost host =
            new SimulatedHost("h1", HostGroup.defaults(), "192.0.2.7", 10, Runnable::run, Duration.ofSeconds(5));

    @Test
    void reportsSettledInstancesForTheRetentionThenForgetsThem() {
        host.tracker().claim("i1", SMALL);
        host.settled("i1", T0);

        HostReport soon = host.report(0, T0.plusSeconds(4));
        assertThat(soon.settledInstances()).containsExactly("i1");
        assertThat(soon.memoryMbUsed()).as("the usage holds what is listed").isEqualTo(2048);

        assertThat(host.report(0, T0.plusSeconds(6)).settledInstances()).isEmpty();
    }

    @Test
    void reportCarriesSizeRatiosAddressAndWorkload() {
        host.setEnabled(false);

        HostReport report = host.report(3, T0);

        assertThat(report.enabled()).isFalse();
        assertThat(report.vcpus()).isEqualTo(16);
        assertThat(report.cpuAllocationRatio()).isEqualTo(4.0);
        assertThat(report.reservedHostMemoryMb()).isEqualTo(512);
        assertThat(report.runningVms()).isEqualTo(3);
        assertThat(report.hostIp()).isEqualTo("192.0.2.7");
        assertThat(report.currentWorkload()).isZero();
    }

    @Test
    void aChangeIsReportedOnce() {
        assertThat(host.takeChanged()).as("a new host is reported").isTrue();
        assertThat(host.takeChanged()).isFalse();

        host.settled("i1", T0);

        assertThat(host.takeChanged()).isTrue();
        assertThat(host.takeChanged()).isFalse();
    }
}
