package org.novasim.api.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed: each browser gets a snapshot when it connects, then one {@code delta} event per tick
 * ({@code novasim.dashboard.tick}, 1 s) with what changed, so a thousand launches a second are still one small
 * message a second. A browser that goes away is dropped at the next send; one that stays longer than
 * {@code novasim.dashboard.stream-timeout} reconnects (EventSource does) and starts again from a snapshot.
 */
@Component
class DashboardFeed implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    private record Subscriber(Viewer viewer, SseEmitter emitter) {}

    private final Snapshots snapshots;
    private final Duration timeout;
    private final Duration tick;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    DashboardFeed(Snapshots snapshots, DashboardProperties properties) {
        this.snapshots = snapshots;
        this.timeout = properties.streamTimeout();
        this.tick = properties.tick();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, tick, tick));
    }

    SseEmitter subscribe(Viewer viewer) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(viewer, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        if (send(subscriber, "snapshot", snapshots.snapshot(viewer))) {
            subscribers.add(subscriber);
        }
        return emitter;
    }

    void tick() {
        if (subscribers.isEmpty()) {
            snapshots.idle();
            return;
        }
        Snapshots.Tick tick = snapshots.tick();
        for (Subscriber subscriber : subscribers) {
            send(subscriber, "delta", snapshots.delta(tick, subscriber.viewer()));
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    private boolean send(Subscriber subscriber, String name, Object body) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(name).data(body, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("dashboard viewer {} went away: {}", subscriber.viewer().userName(), e.toString());
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(e);
            return false;
        }
    }
}
