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

    @Test
    void freeCapacityFollowsRatiosAndReservedMemory() {
        HostState state = new HostState(Hosts.used("a", 10, 1024, 100), T0);

        assertThat(state.freeVcpus()).isEqualTo(16 * 4 - 10);
        assertThat(state.freeMemoryMb()).isEqualTo(32768 - 512 - 1024);
        assertThat(state.freeDiskGb()).isEqualTo(400);
    }

    @Test
    void claimCountsUntilAReportReceivedAfterTheGrace() {
        HostState state = new HostState(Hosts.host("a"), T0);
        long before = state.freeMemoryMb();

        state.claim("i1", SMALL, T0);
        assertThat(state.freeMemoryMb()).isEqualTo(before - 2048);

        state.update(Hosts.host("a"), T0.plusSeconds(1), Duration.ofSeconds(2));
        assertThat(state.freeMemoryMb()).as("a report sent before the build arrived").isEqualTo(before - 2048);

        state.update(Hosts.used("a", 1, 2048, 20), T0.plusSeconds(3), Duration.ofSeconds(2));
        assertThat(state.freeMemoryMb()).as("the host's numbers now hold the claim").isEqualTo(before - 2048);
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
}
