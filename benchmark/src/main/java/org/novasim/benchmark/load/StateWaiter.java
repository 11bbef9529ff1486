package org.novasim.benchmark.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.api.ServerStatus;

/**
 * Polls one server until it is ACTIVE or ERROR (after a boot) or gone (after a delete).
 *
 * <p>Why this shape: the API shows times to the second only, so the client has to see the change itself. A poll's
 * answer brackets the change (see {@link Observation}); a short interval keeps the bracket tight, but every poll is
 * load on the cloud being measured. So polls come every {@code --poll-interval} at first and then every fifth of
 * the time waited so far: a fast launch is seen within a few milliseconds, a slow one within 10 % of its latency,
 * and no launch costs more than a few dozen polls. The report gives the polls per iteration and the bracket, so
 * the cost and the precision of the measurement are both on the page.
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
            boolean done = untilGone ? status.gone()
                    : status.gone() || "ACTIVE".equals(status.status()) || "ERROR".equals(status.status());
            if (done) {
                return new Observation(status.gone() ? "GONE" : status.status(), status.fault(), lower, answered, polls);
            }
            if (answered - sinceNanos > timeoutNanos) {
                throw new IllegalStateException("server " + id + " still " + status.status() + " after "
                        + TimeUnit.NANOSECONDS.toMillis(answered - sinceNanos) + " ms");
            }
            lower = sent;
            // The interval grows with the wait (a fifth of it), so a slow launch is not polled hundreds of times
            // (the polls would load the cloud being measured) while the bracket stays within 10 % of the latency.
            long interval = Math.max(intervalNanos, (answered - sinceNanos) / 5);
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
