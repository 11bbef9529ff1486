package org.novasim.api.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.api.metrics.RecentLaunches;
import org.springframework.stereotype.Component;

/**
 * The numbers behind the overview and messages views: one point a tick (launch counts, request → ACTIVE p50/p99
 * of the last minutes, builds in flight), the last {@link #HISTORY} of them for a browser that just connected, and
 * the RPC messages this API process sent and handled, by topic and method, as running totals (the browser turns
 * two ticks into a rate and a mean latency).
 */
@Component
class StatsFeed {

    static final int HISTORY = 300;

    /** One tick: when (epoch ms), launches that ended ACTIVE and ERROR so far, latencies (ms, -1: none). */
    record Point(long at, long launched, long failed, double p50Ms, double p99Ms, long building) {}

    /** RPC messages of one kind on one topic and method, seen from this process: sent (client) or handled. */
    record Messages(String side, String topic, String method, String kind, long count, double totalMs) {}

    private final LaunchMetrics launches;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Point> history = new ArrayDeque<>();

    StatsFeed(LaunchMetrics launches, MeterRegistry registry, Clock clock) {
        this.launches = launches;
        this.registry = registry;
        this.clock = clock;
    }

    synchronized Point record(long building) {
        RecentLaunches.Figures figures = launches.recent().figures();
        Point point = new Point(
                clock.millis(), figures.launched(), figures.failed(), figures.p50Ms(), figures.p99Ms(), building);
        history.addLast(point);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        return point;
    }

    synchronized List<Point> history() {
        return new ArrayList<>(history);
    }

    List<Messages> messages() {
        Map<String, Messages> all = new TreeMap<>();
        add(all, "client", "novasim.rpc.client");
        add(all, "server", "novasim.rpc.server");
        add(all, "server", "novasim.rpc.fanout.received");
        return new ArrayList<>(all.values());
    }

    private void add(Map<String, Messages> all, String side, String name) {
        for (Timer timer : registry.find(name).timers()) {
            String topic = timer.getId().getTag("topic");
            String method = timer.getId().getTag("method");
            String kind = timer.getId().getTag("kind") == null
                    ? "fanout"
                    : timer.getId().getTag("kind");
            // Outcomes add up: the views show a method's traffic, the errors are in Prometheus.
            all.merge(
                    side + "|" + topic + "|" + method,
                    new Messages(side, topic, method, kind, timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)),
                    (a, b) ->
                            new Messages(side, topic, method, kind, a.count() + b.count(), a.totalMs() + b.totalMs()));
        }
    }
}
