package org.novasim.benchmark.api;

/** A REST call that did not answer as expected: its status and the start of its body, for the report. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(String what, int status, String body) {
        super(what + ": HTTP " + status + (body == null || body.isBlank() ? "" : " " + abbreviate(body)));
        this.status = status;
    }

    public ApiException(String what, Throwable cause) {
        super(what + ": " + cause, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
