package org.novasim.scheduler.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.novasim.scheduler.Hosts.SMALL;
import static org.novasim.scheduler.Hosts.T0;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;

class HostStateTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void freeCapacityFollowsRatiosAndReservedMemory() {
        HostState state = new HostState(Hosts.used("a", 10, 1024, 100), T0);

        assertThat(state.freeVcpus()).isEqualTo(16 * 4 - 10);
        assertThat(state.freeMemoryMb()).isEqualTo(32768 - 512 - 1024);
        assertThat(state.freeDiskGb()).isEqualTo(400);
    }

    @Test
    void aClaimCountsUntilTheHostReportsItSettled() {
        HostState state = new HostState(Hosts.host("a"), T0);
        long before = state.freeMemoryMb();

        state.claim("i1", SMALL, T0);
        assertThat(state.freeMemoryMb()).isEqualTo(before - 2048);

        state.update(Hosts.host("a"), T0.plusSeconds(1), TIMEOUT);
        assertThat(state.freeMemoryMb())
                .as("a report from before the build arrived")
                .isEqualTo(before - 2048);

        state.update(Hosts.settled(Hosts.used("a", 1, 2048, 20), "i1"), T0.plusSeconds(2), TIMEOUT);
        assertThat(state.freeMemoryMb())
                .as("the host's numbers now hold the claim, counted once")
                .isEqualTo(before - 2048);
        assertThat(state.pendingClaims()).isZero();
    }

    @Test
    void aClaimTheHostRefusedGoesWithTheReportThatSaysSo() {
        HostState state = new HostState(Hosts.host("a"), T0);
        long before = state.freeMemoryMb();
        state.claim("i1", SMALL, T0);

        state.update(Hosts.settled(Hosts.host("a"), "i1"), T0.plusSeconds(1), TIMEOUT);

        assertThat(state.freeMemoryMb()).isEqualTo(before);
    }

    @Test
    void aClaimNoReportEverSettlesExpires() {
        HostState state = new HostState(Hosts.host("a"), T0);
        long before = state.freeMemoryMb();
        state.claim("i1", SMALL, T0);

        state.update(Hosts.host("a"), T0.plusSeconds(29), TIMEOUT);
        assertThat(state.freeMemoryMb()).isEqualTo(before - 2048);

        state.update(Hosts.host("a"), T0.plusSeconds(31), TIMEOUT);
        assertThat(state.freeMemoryMb()).isEqualTo(before);
    }

    @Test
    void claimsOfOtherSchedulersCountEvenBeyondWhatSeemsFree() {
        HostState state = new HostState(Hosts.withMemory("a", 4096), T0);

        state.claimedElsewhere("i1", 1, 4096, 20, T0);
        state.claimedElsewhere("i2", 1, 2048, 20, T0);
        state.claimedElsewhere("i2", 1, 2048, 20, T0);

        assertThat(state.freeMemoryMb()).isEqualTo(-2048);
        assertThat(state.fits(SMALL)).isFalse();
        assertThat(state.claim("i3", SMALL, T0)).isFalse();
    }

    @Test
    void concurrentClaimsNeverOverfillAHost() throws Exception {
        HostState state = new HostState(Hosts.withMemory("a", 2048 * 10), T0);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            String uuid = "i" + i;
            pool.execute(() -> {
                if (state.claim(uuid, SMALL, T0)) {
                    granted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(granted.get()).isEqualTo(10);
        assertThat(state.freeMemoryMb()).isZero();
    }

    @Test
    void releaseGivesBackAndClaimingTwiceCountsOnce() {
        HostState state = new HostState(Hosts.host("a"), T0);
        long before = state.freeMemoryMb();

        state.claim("i1", SMALL, T0);
        state.claim("i1", SMALL, T0);
        assertThat(state.freeMemoryMb()).isEqualTo(before - 2048);

        state.release("i1");
        assertThat(state.freeMemoryMb()).isEqualTo(before);
    }

    @Test
    void isUpWhileTheLastReportIsYoungerThanTheServiceDownTime() {
        HostState state = new HostState(Hosts.host("a"), T0);

        assertThat(state.isUp(T0.plusSeconds(60), Duration.ofSeconds(60))).isTrue();
        assertThat(state.isUp(T0.plusSeconds(61), Duration.ofSeconds(60))).isFalse();

        state.update(Hosts.host("a"), T0.plusSeconds(61), TIMEOUT);
        assertThat(state.isUp(T0.plusSeconds(61), Duration.ofSeconds(60))).isTrue();
    }
}
