package org.novasim.benchmark.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.novasim.benchmark.api.ActionEvent;
import org.novasim.benchmark.api.InstanceAction;
import org.novasim.benchmark.load.IterationResult;

/**
 * One segment of a launch, read from the instance's action events (server clocks) and the client's own times.
 * All services run on one machine, so their wall clocks and the client's are the same clock.
 *
 * @param messaging whether the segment is mostly messaging: a hop over the broker with the queueing behind it
 */
public record Stage(String name, String what, boolean messaging, Function<Sample, Double> millis) {

    /** An iteration with the events of its create action. */
    public record Sample(IterationResult iteration, InstanceAction create) {

        ActionEvent event(String name) {
            return create == null
                    ? null
                    : create.events().stream()
                            .filter(e -> name.equals(e.event()))
                            .findFirst()
                            .orElse(null);
        }
    }

    static final String CONDUCTOR = "conductor_schedule_and_build_instances";
    static final String SELECT = "scheduler_select_destinations";
    static final String BUILD = "compute__do_build_and_run_instance";

    /**
     * The segments of a launch in order; together they cover it from the request to launched_at (the end of the
     * compute's build), and the last one shows what the client waits on top of that.
     */
    public static final List<Stage> ALL = List.of(
            new Stage(
                    "api",
                    "boot request sent → create action recorded (HTTP, token, validation, quota)",
                    false,
                    s -> between(
                            s.iteration().postSentAt(),
                            s.create() == null ? null : s.create().start())),
            new Stage(
                    "api → conductor",
                    "action recorded → conductor starts (instance row, cast, queue)",
                    true,
                    s -> between(s.create() == null ? null : s.create().start(), start(s.event(CONDUCTOR)))),
            new Stage(
                    "scheduling",
                    "scheduler_select_destinations (call to the scheduler and back)",
                    false,
                    s -> duration(s.event(SELECT))),
            new Stage(
                    "conductor → compute",
                    "destination chosen → host starts the build (cast, queue)",
                    true,
                    s -> between(finish(s.event(SELECT)), start(s.event(BUILD)))),
            new Stage("claim", "compute_claim_resources", false, s -> duration(s.event("compute_claim_resources"))),
            new Stage(
                    "networking",
                    "compute_allocate_network (call to network-service and back)",
                    false,
                    s -> duration(s.event("compute_allocate_network"))),
            new Stage(
                    "block devices",
                    "compute_block_device_mapping",
                    false,
                    s -> duration(s.event("compute_block_device_mapping"))),
            new Stage("spawning", "compute_spawn (the fake driver)", false, s -> duration(s.event("compute_spawn"))),
            new Stage(
                    "(after launch) ACTIVE seen",
                    "build done → a poll sees ACTIVE (call to the conductor, its "
                            + "write, polling lag; not in the launch time)",
                    false,
                    s -> between(finish(s.event(BUILD)), s.iteration().activeSeenAt())));

    private static Instant start(ActionEvent event) {
        return event == null ? null : event.start();
    }

    private static Instant finish(ActionEvent event) {
        return event == null ? null : event.finish();
    }

    private static Double duration(ActionEvent event) {
        return event == null ? null : between(event.start(), event.finish());
    }

    private static Double between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toNanos() / 1e6;
    }
}
