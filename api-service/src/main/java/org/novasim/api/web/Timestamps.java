package org.novasim.api.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as the OpenStack APIs write them: ISO 8601 in UTC to the second, {@code 2026-11-25T20:44:35Z}. */
public final class Timestamps {

    private Timestamps() {}

    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
