package org.novasim.scheduler.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReports;
import org.novasim.common.scheduler.HostClaim;
import org.novasim.common.scheduler.SchedulerClaims;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostStateCache;

/** Two schedulers sharing claims, wired back to back without a broker. */
class ClaimExchangeTest {

    private final Clock clock = Clock.fixed(Hosts.T0, ZoneOffset.UTC);

    private record Scheduler(
            HostStateCache hosts, GroupPlacements groups, ClaimExchange exchange, List<SchedulerClaims> sent) {}

    private Scheduler scheduler() {
        HostStateCache hosts = new HostStateCache(clock, Duration.ofSeconds(30));
        hosts.onReports(new HostReports("svc", Hosts.T0, List.of(Hosts.host("a"))));
        GroupPlacements groups = new GroupPlacements(clock, Duration.ofSeconds(30));
        SchedulerClient client = mock(SchedulerClient.class);
        List<SchedulerClaims> sent = new ArrayList<>();
        doAnswer(call -> sent.add(call.getArgument(1))).when(client).shareClaims(any(), any());
        return new Scheduler(hosts, groups, new ClaimExchange(client, hosts, groups), sent);
    }

    @Test
    void theOtherSchedulerCountsTheClaimAndItsGroupWhileTheSenderIgnoresItsOwnCopy() {
        Scheduler one = scheduler();
        Scheduler two = scheduler();
        long free = one.hosts().get("a").freeMemoryMb();
        List<HostClaim> claims = List.of(new HostClaim("a", "i1", 1, 2048, 20, "g1"));

        one.exchange().claimed(claims);
        SchedulerClaims message = one.sent().get(0);
        one.exchange().onClaimsElsewhere(message);
        two.exchange().onClaimsElsewhere(message);

        assertThat(one.hosts().get("a").freeMemoryMb())
                .as("its own claim is already counted by its selector")
                .isEqualTo(free);
        assertThat(two.hosts().get("a").freeMemoryMb()).isEqualTo(free - 2048);
        assertThat(two.groups().hostsOf("g1")).containsExactly("a");
    }
}
