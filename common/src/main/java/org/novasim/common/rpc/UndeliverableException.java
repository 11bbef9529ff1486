package org.novasim.common.rpc;

/**
 * The broker could not route the message to any queue (no server listens on that topic, e.g. a host that does not
 * exist), or refused it. Detected through mandatory publishing and publisher confirms, so callers learn at once
 * instead of waiting for a timeout.
 */
public class UndeliverableException extends RemoteError {

    public UndeliverableException(String message) {
        super(message);
    }
}
