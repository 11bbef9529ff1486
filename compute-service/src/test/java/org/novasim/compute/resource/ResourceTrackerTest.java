package org.novasim.compute.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.Capacity;
import org.novasim.common.instance.FlavorSpec;

class ResourceTrackerTest {

    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, Map.of());
    static final FlavorSpec WIDE = new FlavorSpec("x", "wide", 8, 512, 1, 0, 0, Map.of());

    /** 4 vCPU x 4.0, 8 GB with 512 MB reserved, 100 GB. */
    private final ResourceTracker tracker =
            new ResourceTracker(new Capacity(4, 0, 4.0), new Capacity(8192, 512, 1.0), new Capacity(100, 0, 1.0));

    @Test
    void claimsUntilTheFirstResourceRunsOutAndSaysWhich() {
        assertThat(tracker.claim("a", SMALL)).isEmpty();
        assertThat(tracker.claim("b", SMALL)).isEmpty();
        assertThat(tracker.claim("c", SMALL)).isEmpty();

        assertThat(tracker.claim("d", SMALL))
                .hasValue("Insufficient compute resources: Free memory 1536.00 MB < requested 2048 MB.");
        assertThat(tracker.used()).isEqualTo(new ResourceTracker.Usage(3, 6144, 60));
    }

    @Test
    void cpuOvercommitFollowsTheRatio() {
        assertThat(tracker.claim("a", WIDE)).isEmpty();
        assertThat(tracker.claim("b", WIDE)).isEmpty();
        assertThat(tracker.claim("c", WIDE))
                .as("16 vCPU usable, 16 claimed")
                .hasValueSatisfying(reason -> assertThat(reason).contains("Free vcpu 0.00 VCPU < requested 8 VCPU"));
    }

    @Test
    void claimAndFreeAreIdempotent() {
        tracker.claim("a", SMALL);
        tracker.claim("a", SMALL);
        assertThat(tracker.instances()).isEqualTo(1);

        assertThat(tracker.free("a")).isTrue();
        assertThat(tracker.free("a")).isFalse();
        assertThat(tracker.used()).isEqualTo(new ResourceTracker.Usage(0, 0, 0));
    }

    @Test
    void aNewClaimTellsARepeatedRequestFromARefusedOne() {
        assertThat(tracker.claimNew("a", SMALL).granted()).isTrue();
        assertThat(tracker.claimNew("a", SMALL).repeated()).isTrue();
        tracker.claim("b", SMALL);
        tracker.claim("c", SMALL);

        ResourceTracker.Claim refused = tracker.claimNew("d", SMALL);
        assertThat(refused.repeated()).isFalse();
        assertThat(refused.granted()).isFalse();
        assertThat(refused.refusal()).startsWith("Insufficient compute resources: Free memory");
        assertThat(tracker.instances()).isEqualTo(3);
    }

    @Test
    void restoredClaimsCountEvenBeyondCapacityAndBlockNewClaimsUntilThereIsRoom() {
        for (String uuid : new String[] {"a", "b", "c", "d"}) {
            tracker.restore(uuid, SMALL);
        }
        tracker.restore("d", SMALL);
        assertThat(tracker.used())
                .as("what the database says, once each")
                .isEqualTo(new ResourceTracker.Usage(4, 8192, 80));

        assertThat(tracker.claim("e", SMALL)).isPresent();
        tracker.free("a");
        tracker.free("b");
        assertThat(tracker.claim("e", SMALL)).isEmpty();
    }

    @Test
    void concurrentClaimsNeverOvercommit() throws Exception {
        ResourceTracker big =
                new ResourceTracker(new Capacity(16, 0, 4.0), new Capacity(32768, 512, 1.0), new Capacity(500, 0, 1.0));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            String uuid = "i" + i;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (big.claim(uuid, SMALL).isEmpty()) {
                    granted.incrementAndGet();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        // 32256 MB usable / 2048 = 15 (memory runs out before disk, 25, and vCPU, 64).
        assertThat(granted.get()).isEqualTo(15);
        assertThat(big.used().memoryMb()).isEqualTo(15 * 2048);
    }
}
