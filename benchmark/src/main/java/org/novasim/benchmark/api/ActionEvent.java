package org.novasim.benchmark.api;

import java.time.Duration;
import java.time.Instant;

/** One event of an instance action, as os-instance-actions shows it. */
public record ActionEvent(String event, Instant start, Instant finish, String result) {

    public long millis() {
        return start == null || finish == null
                ? -1
                : Duration.between(start, finish).toNanos() / 1_000_000;
    }
}
