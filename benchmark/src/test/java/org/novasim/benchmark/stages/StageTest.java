package org.novasim.benchmark.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.novasim.benchmark.api.ActionEvent;
import org.novasim.benchmark.api.InstanceAction;
import org.novasim.benchmark.load.IterationResult;

class StageTest {

    static final Instant T0 = Instant.parse("2026-11-25T21:00:00Z");

    static Instant at(double ms) {
        return T0.plusNanos((long) (ms * 1_000_000));
    }

    static ActionEvent event(String name, double from, double to) {
        return new ActionEvent(name, at(from), at(to), "Success");
    }

    @Test
    void theSegmentsOfOneLaunchAddUpFromRequestToActive() {
        InstanceAction create = new InstanceAction(
                "create",
                "req-1",
                at(2),
                List.of(
                        event("conductor_schedule_and_build_instances", 4, 7),
                        event("scheduler_select_destinations", 4, 6),
                        event("compute__do_build_and_run_instance", 8, 14),
                        event("compute_claim_resources", 8, 8.5),
                        event("compute_allocate_network", 8.5, 11),
                        event("compute_block_device_mapping", 11, 11.5),
                        event("compute_spawn", 11.5, 13.5)));
        IterationResult iteration = new IterationResult(
                0, 0, 0, T0, "id", "req-1", "req-2", 14, 16, 1, at(14), at(16), 5, Double.NaN, 4, null);

        Map<String, Double> ms = Stage.ALL.stream()
                .collect(Collectors.toMap(Stage::name, s -> s.millis().apply(new Stage.Sample(iteration, create))));

        assertThat(ms)
                .containsEntry("api", 2.0)
                .containsEntry("api → conductor", 2.0)
                .containsEntry("scheduling", 2.0)
                .containsEntry("conductor → compute", 2.0)
                .containsEntry("claim", 0.5)
                .containsEntry("networking", 2.5)
                .containsEntry("block devices", 0.5)
                .containsEntry("spawning", 2.0)
                .containsEntry("(after launch) ACTIVE seen", 2.0);
        // api, hops, scheduling and the compute's own build cover the launch, up to launched_at, without a gap.
        double covered =
                ms.get("api") + ms.get("api → conductor") + ms.get("scheduling") + ms.get("conductor → compute") + 6.0;
        assertThat(covered).isEqualTo(iteration.launchMs());
    }

    @Test
    void aMissingEventLeavesItsSegmentOutInsteadOfFailing() {
        InstanceAction create = new InstanceAction("create", "req-1", at(2), List.of());
        IterationResult iteration = new IterationResult(
                0, 0, 0, T0, "id", "req-1", null, 14, 16, 1, at(14), at(16), Double.NaN, Double.NaN, 4, null);
        Function<Stage, Double> of = s -> s.millis().apply(new Stage.Sample(iteration, create));

        assertThat(Stage.ALL.stream().filter(s -> !s.name().equals("api")).map(of))
                .containsOnlyNulls();
        assertThat(EventSampler.subSecondTimes(List.of(new Stage.Sample(iteration, create))))
                .isFalse();
    }
}
