package org.novasim.benchmark.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.novasim.benchmark.api.ApiException;
import org.novasim.benchmark.api.NovaClient;
import org.novasim.benchmark.api.ServerStatus;

/**
 * One launch under a fault: create a server, then watch it until it is ACTIVE or ERROR, or until {@code settle}
 * has passed (then it is stuck). A poll that fails (the API process may be the one that was killed) is tried again;
 * polls come less often the longer the wait, up to every 2 s, so that waiting costs the cloud little.
 */
final class Launch {

    /** The servers' names: fault-0, fault-1 ... */
    static final String NAME_PREFIX = "fault-";

    private static final long FIRST_POLL = Duration.ofMillis(100).toNanos();
    private static final long LONGEST_POLL = Duration.ofSeconds(2).toNanos();

    private final NovaClient client;
    private final String flavor;
    private final String image;
    private final String networkId;
    private final Duration settle;
    private final long runStartNanos;

    Launch(NovaClient client, String flavor, String image, String networkId, Duration settle, long runStartNanos) {
        this.client = client;
        this.flavor = flavor;
        this.image = image;
        this.networkId = networkId;
        this.settle = settle;
        this.runStartNanos = runStartNanos;
    }

    LaunchResult run(int index) {
        long start = System.nanoTime();
        Instant sentAt = Instant.now();
        double startSeconds = (start - runStartNanos) / 1e9;
        NovaClient.Created created;
        try {
            created = client.createServer(NAME_PREFIX + index, flavor, image, networkId);
        } catch (ApiException e) {
            Outcome outcome = e.status() == 503 ? Outcome.REFUSED : Outcome.CREATE_FAILED;
            return new LaunchResult(index, startSeconds, sentAt, e.status(), null, outcome, Double.NaN, e.getMessage());
        }
        long deadline = start + settle.toNanos();
        long interval = FIRST_POLL;
        String lastSeen = "BUILD";
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(interval);
            interval = Math.min(LONGEST_POLL, interval * 2);
            ServerStatus status;
            try {
                status = client.server(created.id());
            } catch (ApiException e) {
                lastSeen = "unanswered poll: " + e.getMessage();
                continue;
            }
            double end = (System.nanoTime() - start) / 1e9;
            if ("ACTIVE".equals(status.status())) {
                return new LaunchResult(index, startSeconds, sentAt, 202, created.id(), Outcome.ACTIVE, end, null);
            }
            if ("ERROR".equals(status.status()) || status.gone()) {
                String fault = status.gone() ? "the server disappeared" : status.fault();
                return new LaunchResult(index, startSeconds, sentAt, 202, created.id(), Outcome.ERROR, end, fault);
            }
            lastSeen = status.status();
        }
        return new LaunchResult(
                index,
                startSeconds,
                sentAt,
                202,
                created.id(),
                Outcome.STUCK,
                (System.nanoTime() - start) / 1e9,
                "still " + lastSeen + " after " + settle.toSeconds() + " s");
    }
}
