package org.novasim.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

class ComputeFilterTest {

    private final ComputeFilter filter = new ComputeFilter(Duration.ofSeconds(60));

    @Test
    void passesAnEnabledHostThatReportedWithinTheServiceDownTime() {
        assertThat(filter.passes(new HostState(Hosts.host("a"), Hosts.T0), FilterRequests.plain()))
                .isTrue();
        assertThat(filter.passes(new HostState(Hosts.host("a"), Hosts.T0.minusSeconds(60)), FilterRequests.plain()))
                .isTrue();
    }

    @Test
    void refusesADisabledHost() {
        HostState disabled =
                new HostState(Hosts.with(Hosts.host("a"), "nova", false, 0, "x86_64", List.of()), Hosts.T0);

        assertThat(filter.passes(disabled, FilterRequests.plain())).isFalse();
    }

    @Test
    void refusesAHostSilentForLongerThanTheServiceDownTime() {
        HostState silent = new HostState(Hosts.host("a"), Hosts.T0.minusSeconds(61));

        assertThat(filter.passes(silent, FilterRequests.plain())).isFalse();
    }
}
