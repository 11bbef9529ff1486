package org.novasim.api.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as Nova's older APIs (os-services, os-availability-zone, os-instance-actions) show database columns:
 * {@code 2026-11-25T20:44:35.123456}, microseconds and no zone, in UTC.
 */
public final class LegacyTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private LegacyTimestamps() {}

    public static String of(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
