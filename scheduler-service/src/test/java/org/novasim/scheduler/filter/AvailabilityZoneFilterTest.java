package org.novasim.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

class AvailabilityZoneFilterTest {

    private final AvailabilityZoneFilter filter = new AvailabilityZoneFilter();
    private final HostState inZ1 =
            new HostState(Hosts.with(Hosts.host("a"), "z1", true, 0, "x86_64", List.of()), Hosts.T0);

    @Test
    void anyZoneWhenNoneIsRequested() {
        assertThat(filter.passes(inZ1, FilterRequests.plain())).isTrue();
        assertThat(filter.passes(inZ1, FilterRequests.inZone(""))).isTrue();
    }

    @Test
    void onlyTheRequestedZone() {
        assertThat(filter.passes(inZ1, FilterRequests.inZone("z1"))).isTrue();
        assertThat(filter.passes(inZ1, FilterRequests.inZone("z2"))).isFalse();
    }
}
