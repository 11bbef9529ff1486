package org.novasim.compute.host;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * At most {@code permits} builds of one host run at once (Nova's max_concurrent_builds semaphore); the others
 * wait in order. Waiting holds no thread, so thousands of hosts with queued builds cost no more than their queues.
 */
public final class BuildLimiter {

    private final int permits;
    private final Executor executor;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public BuildLimiter(int permits, Executor executor) {
        if (permits < 1) {
            throw new IllegalArgumentException("max concurrent builds must be at least 1");
        }
        this.permits = permits;
        this.executor = executor;
    }

    /** Runs the build now if a slot is free, else when one is. The build must call {@link #release()} when done. */
    public void submit(Runnable build) {
        synchronized (this) {
            if (running >= permits) {
                waiting.add(build);
                return;
            }
            running++;
        }
        executor.execute(build);
    }

    /** Frees the slot of a finished build and starts the next waiting one. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        executor.execute(next);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int waiting() {
        return waiting.size();
    }
}
