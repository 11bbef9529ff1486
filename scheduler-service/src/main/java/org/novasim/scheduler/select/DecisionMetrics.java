package org.novasim.scheduler.select;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.novasim.common.scheduler.NoValidHostException;
import org.novasim.common.scheduler.Selections;

/**
 * Counts and times the scheduler's decisions: {@code novasim_scheduler_decisions_total{outcome}} (selected,
 * no_valid_host, failed) and {@code novasim_scheduler_decision_seconds}, one series each, never per host.
 */
public final class DecisionMetrics {

    private final Timer time;
    private final Counter selected;
    private final Counter noValidHost;
    private final Counter failed;

    public DecisionMetrics(MeterRegistry registry) {
        this.time = Timer.builder("novasim.scheduler.decision")
                .description("Time the scheduler took to choose hosts for a request")
                .register(registry);
        this.selected = decisions(registry, "selected");
        this.noValidHost = decisions(registry, "no_valid_host");
        this.failed = decisions(registry, "failed");
    }

    private static Counter decisions(MeterRegistry registry, String outcome) {
        return Counter.builder("novasim.scheduler.decisions")
                .description("select_destinations requests by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    public Selections record(Supplier<Selections> decision) {
        long started = System.nanoTime();
        try {
            Selections selections = decision.get();
            selected.increment();
            return selections;
        } catch (NoValidHostException e) {
            noValidHost.increment();
            throw e;
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        } finally {
            time.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
