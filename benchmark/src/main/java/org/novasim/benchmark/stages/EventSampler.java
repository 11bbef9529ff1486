package org.novasim.benchmark.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.novasim.benchmark.api.InstanceAction;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.load.IterationResult;

/**
 * Reads the create action's events of every n-th iteration, right after its server went ACTIVE and before the
 * iteration goes on: the API shows the actions of live servers only, so a deleted server's events are out of reach
 * afterwards. The reads happen outside the measured spans (launch ends at ACTIVE, delete starts at the DELETE), and
 * only for a sample, so the load they add stays small.
 */
public final class EventSampler {

    private final NovaClient client;
    private final int every;
    private final Map<Integer, InstanceAction> creates = new ConcurrentHashMap<>();
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();

    /** About {@code samples} of {@code times} iterations; none when {@code samples} is 0. */
    public EventSampler(NovaClient client, int times, int samples) {
        this.client = client;
        this.every = samples <= 0 ? 0 : Math.max(1, times / samples);
    }

    public boolean wants(int index) {
        return every > 0 && index % every == 0;
    }

    /** Reads the server's actions and keeps the one of its boot request. */
    public void read(int index, String serverId, String createRequestId) {
        try {
            client.actions(serverId).stream()
                    .filter(a -> createRequestId != null
                            ? createRequestId.equals(a.requestId())
                            : "create".equals(a.action()))
                    .findFirst()
                    .ifPresent(action -> creates.put(index, action));
        } catch (RuntimeException e) {
            // The breakdown is a sample: one unreadable action leaves it one smaller, the run goes on.
            failures.put(index, String.valueOf(e.getMessage()));
        }
    }

    /** The sampled iterations that went ACTIVE, with their events. */
    public List<Stage.Sample> samples(List<IterationResult> results) {
        List<Stage.Sample> samples = new ArrayList<>();
        for (IterationResult result : results) {
            InstanceAction create = creates.get(result.index());
            if (create != null && result.launchedAt() != null) {
                samples.add(new Stage.Sample(result, create));
            }
        }
        return samples;
    }

    public int unreadable() {
        return failures.size();
    }

    public String firstFailure() {
        return failures.values().stream().findFirst().orElse(null);
    }

    /** Whether the API gives event times finer than a second (else the breakdown cannot resolve milliseconds). */
    public static boolean subSecondTimes(List<Stage.Sample> samples) {
        return samples.stream()
                .flatMap(s -> s.create().events().stream())
                .anyMatch(e -> e.start() != null && e.start().getNano() != 0);
    }
}
