package org.novasim.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Launch counts since start and the request → ACTIVE times of the last minutes, for the dashboard's live figures
 * (Prometheus has the histograms). Bounded: at most {@link #CAPACITY} samples, none older than {@link #WINDOW}.
 */
public final class RecentLaunches {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int CAPACITY = 20_000;

    /** Counts so far, and the p50/p99 request → ACTIVE times (ms) of the window; -1 when nothing launched. */
    public record Figures(long launched, long failed, double p50Ms, double p99Ms) {}

    private record Sample(Instant at, long millis) {}

    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long launched;
    private long failed;

    RecentLaunches(Clock clock) {
        this.clock = clock;
    }

    synchronized void launched(Duration took) {
        launched++;
        samples.addLast(new Sample(clock.instant(), took.toMillis()));
        if (samples.size() > CAPACITY) {
            samples.removeFirst();
        }
    }

    synchronized void failed() {
        failed++;
    }

    public synchronized Figures figures() {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
        long[] millis = samples.stream().mapToLong(Sample::millis).toArray();
        Arrays.sort(millis);
        return new Figures(launched, failed, percentile(millis, 0.5), percentile(millis, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
