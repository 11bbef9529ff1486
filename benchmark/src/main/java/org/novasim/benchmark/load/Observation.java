package org.novasim.benchmark.load;

/**
 * When a poller saw a server reach a state. The state changed somewhere between the last poll that did not see it
 * (its request was sent at {@code lowerNanos}) and the answer of the first poll that did ({@code upperNanos}); the
 * midpoint is the estimate, and half the bracket is its worst-case error.
 */
public record Observation(String status, String fault, long lowerNanos, long upperNanos, int polls) {

    public long estimateNanos() {
        return lowerNanos + (upperNanos - lowerNanos) / 2;
    }

    public long uncertaintyNanos() {
        return (upperNanos - lowerNanos) / 2;
    }
}
