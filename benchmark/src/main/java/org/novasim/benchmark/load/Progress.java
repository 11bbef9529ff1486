package org.novasim.benchmark.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line a second while the load runs: done, failures, rate and the last second's launch latency. */
public final class Progress {

    private final PrintStream out;
    private final int times;
    private final List<Double> window = new ArrayList<>();
    private int done;
    private int failed;
    private long startNanos;
    private Thread ticker;

    public Progress(PrintStream out, int times) {
        this.out = out;
        this.times = times;
    }

    void start(long startNanos) {
        this.startNanos = startNanos;
        ticker = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(1000);
                            print();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "bench-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    synchronized void record(IterationResult result) {
        done++;
        if (!result.ok()) {
            failed++;
        } else {
            window.add(result.launchMs());
        }
    }

    void stop() {
        if (ticker != null) {
            ticker.interrupt();
        }
        print();
    }

    private synchronized void print() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<Double> sorted = new ArrayList<>(window);
        sorted.sort(null);
        String latency = sorted.isEmpty()
                ? "-"
                : String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, max %.1f ms",
                        sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1));
        out.printf(
                Locale.ROOT,
                "  %6.1f s  %5d/%d done (%.1f %%), %d failed, %.1f iterations/s; last second's launches: %s%n",
                seconds,
                done,
                times,
                100.0 * done / times,
                failed,
                done / Math.max(seconds, 1e-3),
                latency);
        window.clear();
    }
}
