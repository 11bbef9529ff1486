package org.novasim.scheduler.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.novasim.scheduler.Hosts;

class GroupPlacementsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Hosts.T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final GroupPlacements placements = new GroupPlacements(clock, Duration.ofSeconds(30));

    @Test
    void remembersWhereMembersWentForTheRetention() {
        placements.placed("g1", "i1", "a");
        placements.placed("g1", "i2", "b");
        placements.placed("g2", "i3", "c");
        placements.placed(null, "i4", "d");

        assertThat(placements.hostsOf("g1")).containsExactlyInAnyOrder("a", "b");
        assertThat(placements.hostsOf("g2")).containsExactly("c");
        assertThat(placements.hostsOf(null)).isEmpty();

        now.set(Hosts.T0.plusSeconds(31));
        assertThat(placements.hostsOf("g1")).isEmpty();
    }

    @Test
    void forgetsAPlacementWhoseRequestFailed() {
        placements.placed("g1", "i1", "a");

        placements.forget("g1", "i1");

        assertThat(placements.hostsOf("g1")).isEmpty();
    }
}
