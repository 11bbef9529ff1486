package org.novasim.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the iterations as Rally's runners do. Closed loop ({@code rate == 0}): {@code concurrency} workers each
 * start their next iteration when the last one ends. Constant arrival rate: iteration i is due at {@code i / rate}
 * seconds, on at most {@code concurrency} workers; when the cloud cannot keep up, iterations start late, and their
 * start lag in the report shows the saturation point.
 *
 * <p>Bounded in count ({@code times}) and in time ({@code maxDuration}): past it no iteration starts.
 */
public final class LoadRunner {

    public interface Work {
        IterationResult run(int index, long scheduledNanos);
    }

    private final int times;
    private final int concurrency;
    private final double rate;
    private final Duration maxDuration;
    private final Progress progress;

    public LoadRunner(int times, int concurrency, double rate, Duration maxDuration, Progress progress) {
        this.times = times;
        this.concurrency = concurrency;
        this.rate = rate;
        this.maxDuration = maxDuration;
        this.progress = progress;
    }

    /** Runs the iterations; answers them in the order they finished. */
    public List<IterationResult> run(Work work, long startNanos) {
        ConcurrentLinkedQueue<IterationResult> results = new ConcurrentLinkedQueue<>();
        long deadline = startNanos + maxDuration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "bench-worker");
            thread.setDaemon(true);
            return thread;
        });
        progress.start(startNanos);
        try {
            if (rate > 0) {
                long period = (long) (1e9 / rate);
                for (int i = 0; i < times; i++) {
                    long due = startNanos + i * period;
                    if (due > deadline) {
                        break;
                    }
                    LockSupport.parkNanos(due - System.nanoTime());
                    int index = i;
                    workers.execute(() -> finish(results, work.run(index, due)));
                }
            } else {
                AtomicInteger next = new AtomicInteger();
                for (int w = 0; w < concurrency; w++) {
                    workers.execute(() -> {
                        int index;
                        while ((index = next.getAndIncrement()) < times && System.nanoTime() < deadline) {
                            finish(results, work.run(index, System.nanoTime()));
                        }
                    });
                }
            }
            workers.shutdown();
            // Iterations that started before the deadline get the iteration timeout on top to finish.
            if (!workers.awaitTermination(maxDuration.toSeconds() + 120, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        } finally {
            progress.stop();
        }
        return new ArrayList<>(results);
    }

    private void finish(ConcurrentLinkedQueue<IterationResult> results, IterationResult result) {
        results.add(result);
        progress.record(result);
    }
}
