package org.novasim.benchmark.load;

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

    public Iteration(Scenario scenario, NovaClient client, StateWaiter waiter, String flavor, String image,
                     String networkId, EventSampler events, long runStartNanos) {
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
        double launchMs = Double.NaN;
        try {
            NovaClient.Created created = client.createServer("bench-" + index, flavor, image, networkId);
            id = created.id();
            createRequest = created.requestId();
            Observation built = waiter.untilBuilt(id, System.nanoTime());
            polls += built.polls();
            launchMs = ms(built.estimateNanos() - start);
            if (!"ACTIVE".equals(built.status())) {
                return IterationResult.failed(index, startMs, lagMs, postSentAt, id, createRequest, launchMs, polls,
                        "server went " + built.status() + (built.fault() == null ? "" : ": " + built.fault()));
            }
            Instant activeAt = postSentAt.plusNanos(built.estimateNanos() - start);
            double launchError = ms(built.uncertaintyNanos());
            if (events.wants(index)) {
                events.read(index, id, createRequest);
            }
            if (scenario == Scenario.BOOT_AND_LIST) {
                long listStart = System.nanoTime();
                client.listServers();
                return new IterationResult(index, startMs, lagMs, postSentAt, id, createRequest, null, launchMs,
                        launchError, activeAt, Double.NaN, ms(System.nanoTime() - listStart), polls, null);
            }
            long deleteStart = System.nanoTime();
            String deleteRequest = client.deleteServer(id);
            Observation gone = waiter.untilGone(id, System.nanoTime());
            polls += gone.polls();
            return new IterationResult(index, startMs, lagMs, postSentAt, id, createRequest, deleteRequest, launchMs,
                    launchError, activeAt, ms(gone.estimateNanos() - deleteStart), Double.NaN, polls, null);
        } catch (RuntimeException e) {
            return IterationResult.failed(index, startMs, lagMs, postSentAt, id, createRequest, launchMs, polls,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
