package org.novasim.benchmark.api;

/**
 * What one poll of a server saw.
 *
 * @param status  Nova's status (BUILD, ACTIVE, ERROR ...), or {@code null} when the server is gone (404)
 * @param fault   the fault message of a server in ERROR, else null
 */
public record ServerStatus(String status, String fault) {

    public static final ServerStatus GONE = new ServerStatus(null, null);

    public boolean gone() {
        return status == null;
    }
}
