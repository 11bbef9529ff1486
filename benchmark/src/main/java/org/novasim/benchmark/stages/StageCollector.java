package org.novasim.benchmark.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.novasim.benchmark.api.InstanceAction;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.load.IterationResult;

/**
 * Reads the action events of finished iterations, after the load has stopped: reading them during the run would
 * add load to the very thing being measured. Takes an evenly spread sample to keep this phase short.
 */
public final class StageCollector {

    private final NovaClient client;

    public StageCollector(NovaClient client) {
        this.client = client;
    }

    public List<Stage.Sample> collect(List<IterationResult> results, int sampleSize) throws InterruptedException {
        List<IterationResult> ok = results.stream().filter(IterationResult::ok).toList();
        List<IterationResult> sample = new ArrayList<>();
        if (sampleSize > 0 && !ok.isEmpty()) {
            double step = Math.max(1.0, ok.size() / (double) sampleSize);
            for (double i = 0; i < ok.size() && sample.size() < sampleSize; i += step) {
                sample.add(ok.get((int) i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Stage.Sample>> futures = new ArrayList<>();
            for (IterationResult result : sample) {
                futures.add(pool.submit(() -> sampleOf(result)));
            }
            List<Stage.Sample> samples = new ArrayList<>();
            for (Future<Stage.Sample> future : futures) {
                try {
                    Stage.Sample s = future.get(60, TimeUnit.SECONDS);
                    if (s.create() != null) {
                        samples.add(s);
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // One unreadable sample does not spoil the others.
                }
            }
            return samples;
        } finally {
            pool.shutdownNow();
        }
    }

    private Stage.Sample sampleOf(IterationResult result) {
        List<InstanceAction> actions = client.actions(result.serverId());
        InstanceAction create = find(actions, result.createRequestId(), "create");
        InstanceAction delete = find(actions, result.deleteRequestId(), "delete");
        return new Stage.Sample(result, create, delete);
    }

    private static InstanceAction find(List<InstanceAction> actions, String requestId, String action) {
        return actions.stream().filter(a -> requestId != null ? requestId.equals(a.requestId()) : action.equals(a.action()))
                .findFirst().orElse(null);
    }

    /** Whether the API gives event times finer than a second (else the breakdown cannot resolve milliseconds). */
    public static boolean subSecondTimes(List<Stage.Sample> samples) {
        return samples.stream().flatMap(s -> s.create().events().stream())
                .anyMatch(e -> e.start() != null && e.start().getNano() != 0);
    }
}
