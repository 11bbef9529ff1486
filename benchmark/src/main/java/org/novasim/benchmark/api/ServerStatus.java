package org.novasim.benchmark.api;

import java.time.Instant;

/**
 * What one poll of a server saw.
 *
 * @param status     Nova's status (BUILD, ACTIVE, ERROR ...), or {@code null} when the server is gone (404)
 * @param fault      the fault message of a server in ERROR, else null
 * @param launchedAt {@code OS-SRV-USG:launched_at}: when its host finished spawning it, or null
 */
public record ServerStatus(String status, String fault, Instant launchedAt) {

    public static final ServerStatus GONE = new ServerStatus(null, null, null);

    public boolean gone() {
        return status == null;
    }
}
