package org.novasim.api.metrics;

/** The kind of a launch's fault, as a metric tag: a few fixed words, never the message itself. */
public final class FaultReason {

    private FaultReason() {}

    public static String of(String message) {
        if (message == null) {
            return "other";
        }
        if (message.startsWith("No valid host")) {
            return "no_valid_host";
        }
        if (message.startsWith("Exceeded maximum number of retries")) {
            return "retries_exceeded";
        }
        if (message.startsWith("Instance build timed out")) {
            return "build_timeout";
        }
        if (message.contains("IP address") || message.contains("network")) {
            return "network";
        }
        return "other";
    }
}
