package org.novasim.benchmark.load;

import org.novasim.benchmark.api.ServerStatus;

/**
 * When a poller saw a server reach a state. The state changed somewhere between the last poll that did not see it
 * (its request was sent at {@code lowerNanos}) and the answer of the first poll that did ({@code upperNanos}); the
 * midpoint is the estimate, and half the bracket is its worst-case error.
 *
 * @param seen what the first poll that saw the state saw
 */
public record Observation(ServerStatus seen, long lowerNanos, long upperNanos, int polls) {

    public long estimateNanos() {
        return lowerNanos + (upperNanos - lowerNanos) / 2;
    }

    public String status() {
        return seen.gone() ? "GONE" : seen.status();
    }

    public long uncertaintyNanos() {
        return (upperNanos - lowerNanos) / 2;
    }
}
