package org.novasim.scheduler.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReports;
import org.novasim.common.scheduler.HostClaim;
import org.novasim.scheduler.Hosts;

class HostStateCacheTest {

    private final HostStateCache cache =
            new HostStateCache(Clock.fixed(Hosts.T0, ZoneOffset.UTC), Duration.ofSeconds(30));

    @Test
    void learnsHostsFromReportsAndKeepsOneStatePerHost() {
        cache.onReports(new HostReports("svc", Hosts.T0, List.of(Hosts.host("a"), Hosts.host("b"))));
        HostState a = cache.get("a");

        cache.onReports(new HostReports("svc", Hosts.T0, List.of(Hosts.used("a", 1, 512, 1))));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.array()).hasSize(2);
        assertThat(cache.get("a")).isSameAs(a);
        assertThat(a.report().memoryMbUsed()).isEqualTo(512);
    }

    @Test
    void countsClaimsMadeElsewhereOnKnownHostsOnly() {
        cache.onReports(new HostReports("svc", Hosts.T0, List.of(Hosts.host("a"))));
        long before = cache.get("a").freeMemoryMb();

        cache.onClaimsElsewhere(List.of(
                new HostClaim("a", "i1", 1, 2048, 20, null), new HostClaim("unknown", "i2", 1, 2048, 20, null)));

        assertThat(cache.get("a").freeMemoryMb()).isEqualTo(before - 2048);
        assertThat(cache.get("unknown")).isNull();
    }
}
