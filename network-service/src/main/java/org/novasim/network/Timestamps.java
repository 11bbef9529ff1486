package org.novasim.network;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creation and update times, at the precision both H2 and PostgreSQL keep, so a row reads back as written. */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
