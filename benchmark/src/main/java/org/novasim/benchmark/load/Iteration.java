package org.novasim.benchmark.load;

import java.time.Duration;
import java.time.Instant;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.stages.EventSampler;

/** One iteration of a scenario: boot, watch it become ACTIVE, then delete it or list the servers. */
public final class Iteration {

    private final Scenario scenario;
    private final NovaClient client;
    private final StateWaiter waiter;
    private final String flavor;
    private final String image;
    private final String networkId;
    private final EventSampler events;
    private final long runStartNanos;

    public Iteration(
            Scenario scenario,
            NovaClient client,
            StateWaiter waiter,
            String flavor,
            String image,
            String networkId,
            EventSampler events,
            long runStartNanos) {
        this.scenario = scenario;
        this.client = client;
        this.waiter = waiter;
        this.flavor = flavor;
        this.image = image;
        this.networkId = networkId;
        this.events = events;
        this.runStartNanos = runStartNanos;
    }

    public IterationResult run(int index, long scheduledNanos) {
        long start = System.nanoTime();
        Instant postSentAt = Instant.now();
        double startMs = ms(start - runStartNanos);
        double lagMs = ms(start - scheduledNanos);
        String id = null;
        String createRequest = null;
        int polls = 0;
        try {
            NovaClient.Created created = client.createServer("bench-" + index, flavor, image, networkId);
            id = created.id();
            createRequest = created.requestId();
            Observation built = waiter.untilBuilt(id, System.nanoTime());
            polls += built.polls();
            if (!"ACTIVE".equals(built.status())) {
                return IterationResult.failed(
                        index,
                        startMs,
                        lagMs,
                        postSentAt,
                        id,
                        createRequest,
                        polls,
                        "server went " + built.status()
                                + (built.seen().fault() == null
                                        ? ""
                                        : ": " + built.seen().fault()));
            }
            double seenMs = ms(built.estimateNanos() - start);
            Instant seenAt = postSentAt.plusNanos(built.estimateNanos() - start);
            Instant launchedAt = built.seen().launchedAt();
            // launched_at to the second only (an API without Nova's microseconds) cannot time a launch of milliseconds.
            boolean precise = launchedAt != null && launchedAt.getNano() != 0;
            double launchMs = precise ? Duration.between(postSentAt, launchedAt).toNanos() / 1e6 : seenMs;
            if (!precise) {
                launchedAt = seenAt;
            }
            double seenError = ms(built.uncertaintyNanos());
            if (events.wants(index)) {
                events.read(index, id, createRequest);
            }
            if (scenario == Scenario.BOOT_AND_LIST) {
                long listStart = System.nanoTime();
                client.listServers();
                return new IterationResult(
                        index,
                        startMs,
                        lagMs,
                        postSentAt,
                        id,
                        createRequest,
                        null,
                        launchMs,
                        seenMs,
                        seenError,
                        launchedAt,
                        seenAt,
                        Double.NaN,
                        ms(System.nanoTime() - listStart),
                        polls,
                        null);
            }
            long deleteStart = System.nanoTime();
            String deleteRequest = client.deleteServer(id);
            Observation gone = waiter.untilGone(id, System.nanoTime());
            polls += gone.polls();
            return new IterationResult(
                    index,
                    startMs,
                    lagMs,
                    postSentAt,
                    id,
                    createRequest,
                    deleteRequest,
                    launchMs,
                    seenMs,
                    seenError,
                    launchedAt,
                    seenAt,
                    ms(gone.estimateNanos() - deleteStart),
                    Double.NaN,
                    polls,
                    null);
        } catch (RuntimeException e) {
            return IterationResult.failed(
                    index,
                    startMs,
                    lagMs,
                    postSentAt,
                    id,
                    createRequest,
                    polls,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
