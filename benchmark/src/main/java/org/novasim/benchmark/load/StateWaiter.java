package org.novasim.benchmark.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.api.ServerStatus;

/**
 * Polls one server until it is ACTIVE or ERROR (after a boot) or gone (after a delete).
 *
 * <p>Why this shape: every poll is load on the cloud being measured (a GET of a server costs api-service about a
 * millisecond of CPU), so the polls only tell when to go on; the launch time itself comes from the server's
 * {@code launched_at}. Polls come every {@code --poll-interval} at first, then every half of the time waited so
 * far: a fast launch is seen within a few milliseconds, a slow one costs a handful of polls, not hundreds. A poll's
 * answer brackets the change (see {@link Observation}), which gives the "seen" latency and its error.
 */
public final class StateWaiter {

    private final NovaClient client;
    private final long intervalNanos;
    private final long timeoutNanos;

    public StateWaiter(NovaClient client, Duration interval, Duration timeout) {
        this.client = client;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    /** Waits until the server leaves BUILD; {@code sinceNanos} is when the boot request was answered. */
    public Observation untilBuilt(String id, long sinceNanos) {
        return poll(id, sinceNanos, false);
    }

    /** Waits until the server is gone (404); {@code sinceNanos} is when the delete request was answered. */
    public Observation untilGone(String id, long sinceNanos) {
        return poll(id, sinceNanos, true);
    }

    private Observation poll(String id, long sinceNanos, boolean untilGone) {
        long lower = sinceNanos;
        long next = sinceNanos + intervalNanos;
        int polls = 0;
        while (true) {
            sleepUntil(next);
            long sent = System.nanoTime();
            ServerStatus status = client.server(id);
            long answered = System.nanoTime();
            polls++;
            boolean done = untilGone
                    ? status.gone()
                    : status.gone() || "ACTIVE".equals(status.status()) || "ERROR".equals(status.status());
            if (done) {
                return new Observation(status, lower, answered, polls);
            }
            if (answered - sinceNanos > timeoutNanos) {
                throw new IllegalStateException("server " + id + " still " + status.status() + " after "
                        + TimeUnit.NANOSECONDS.toMillis(answered - sinceNanos) + " ms");
            }
            lower = sent;
            // The interval grows with the wait (half of it), so a slow launch costs a handful of polls, not hundreds
            // (each one costs the API about a millisecond of CPU, taken from the cloud being measured).
            long interval = Math.max(intervalNanos, (answered - sinceNanos) / 2);
            next = Math.max(next + interval, answered);
        }
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
