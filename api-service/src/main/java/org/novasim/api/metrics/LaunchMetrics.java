package org.novasim.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.novasim.common.instance.ActionEvent;
import org.springframework.stereotype.Component;

/**
 * What happens to launches, as the conductor sees it: how many end ACTIVE or in ERROR (the fault's reason in a few
 * kinds), how long request → ACTIVE took, how long each build stage took, how many builds were rescheduled. Tags
 * are fixed words, never a host, a server or a message, so the series stay few however big the cloud.
 *
 * <p>Prometheus gets the histograms; the dashboard reads {@link #recent()} for its live figures.
 */
@Component
public class LaunchMetrics {

    /** Stages of a build whose durations are worth a histogram; other events (stop, reboot ...) are not launches. */
    private static final Set<String> STAGES = Set.of(
            ActionEvent.SCHEDULE,
            ActionEvent.SELECT_DESTINATIONS,
            ActionEvent.CLAIM,
            ActionEvent.ALLOCATE_NETWORK,
            ActionEvent.BLOCK_DEVICE_MAPPING,
            ActionEvent.SPAWN,
            ActionEvent.BUILD);

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;
    private final Counter active;
    private final Counter rescheduled;
    private final Timer duration;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();
    private final RecentLaunches recent;

    public LaunchMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.active = outcome("active");
        this.rescheduled = Counter.builder("novasim.launch.reschedules")
                .description("Builds sent on to an alternate host (or scheduled again) after a host failed them")
                .register(registry);
        this.duration = Timer.builder("novasim.launch.duration")
                .description("Time from the create request to ACTIVE")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        this.recent = new RecentLaunches(clock);
    }

    private Counter outcome(String outcome) {
        return Counter.builder("novasim.launches")
                .description("Launches that ended, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** The instance reached ACTIVE from its build. */
    public void active(Instant requested, Instant launched) {
        active.increment();
        Duration took = Duration.between(requested, launched);
        if (!took.isNegative()) {
            duration.record(took);
            recent.launched(took);
        }
    }

    /** The instance went to ERROR with this fault message. */
    public void failed(String faultMessage) {
        String reason = FaultReason.of(faultMessage);
        errors.computeIfAbsent(
                        reason,
                        r -> Counter.builder("novasim.launch.faults")
                                .description("Launches that ended in ERROR, by the kind of fault")
                                .tag("reason", r)
                                .register(registry))
                .increment();
        outcome("error").increment();
        recent.failed();
    }

    public void rescheduled() {
        rescheduled.increment();
    }

    /** Build stages that finished, with their durations (events of other actions are left out). */
    public void stages(List<ActionEvent> events) {
        for (ActionEvent event : events) {
            if (!STAGES.contains(event.event()) || event.startTime() == null || event.finishTime() == null) {
                continue;
            }
            String result = ActionEvent.ERROR.equals(event.result()) ? "error" : "success";
            stages.computeIfAbsent(
                            event.event() + "|" + result,
                            key -> Timer.builder("novasim.launch.stage")
                                    .description("Time each build stage took (os-instance-actions events)")
                                    .tag("stage", event.event())
                                    .tag("result", result)
                                    .serviceLevelObjectives(BUCKETS)
                                    .register(registry))
                    .record(Duration.between(event.startTime(), event.finishTime()));
        }
    }

    /** Launch counts and recent latencies, for the dashboard. */
    public RecentLaunches recent() {
        return recent;
    }
}
