package org.novasim.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReport;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.HostState;

/** m1.small asks for 1 vCPU, 2048 MB and 20 GB. */
class ResourcesFilterTest {

    private final ResourcesFilter filter = new ResourcesFilter();

    @Test
    void passesWhenEveryResourceFitsAfterRatiosAndReserved() {
        // 32768 - 512 reserved - 30208 used = 2048 free, exactly a small.
        assertThat(filter.passes(new HostState(Hosts.used("a", 63, 30208, 480), Hosts.T0), FilterRequests.plain()))
                .isTrue();
    }

    @Test
    void refusesWhenRamIsShortBecauseOfTheReservedMemory() {
        assertThat(filter.passes(new HostState(Hosts.used("a", 0, 30209, 0), Hosts.T0), FilterRequests.plain()))
                .isFalse();
    }

    @Test
    void refusesWhenVcpusAreShortEvenWithTheAllocationRatio() {
        // 16 vCPU x 4.0 = 64 to hand out.
        assertThat(filter.passes(new HostState(Hosts.used("a", 64, 0, 0), Hosts.T0), FilterRequests.plain()))
                .isFalse();
    }

    @Test
    void refusesWhenDiskIsShort() {
        assertThat(filter.passes(new HostState(Hosts.used("a", 0, 0, 481), Hosts.T0), FilterRequests.plain()))
                .isFalse();
    }

    @Test
    void countsThisSchedulersClaims() {
        HostReport report = Hosts.used("a", 0, 28160, 0);
        HostState state = new HostState(report, Hosts.T0);
        assertThat(filter.passes(state, FilterRequests.plain())).isTrue();

        state.claim("i1", Hosts.SMALL, Hosts.T0);
        state.claim("i2", Hosts.SMALL, Hosts.T0);

        assertThat(filter.passes(state, FilterRequests.plain())).isFalse();
    }
}
