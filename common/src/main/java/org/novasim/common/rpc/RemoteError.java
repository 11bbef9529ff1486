package org.novasim.common.rpc;

/**
 * A failure raised by the server of a call and raised again, with the same type and message, in the caller.
 * Contracts define subclasses (no valid host, network exhausted, ...) so callers can catch what they expect;
 * a failure of a type the caller does not know arrives as a plain RemoteError carrying the remote type name.
 */
public class RemoteError extends RuntimeException {

    private final String type;

    public RemoteError(String type, String message) {
        super(message);
        this.type = type;
    }

    /** For subclasses: their wire type is their simple class name. */
    protected RemoteError(String message) {
        super(message);
        this.type = getClass().getSimpleName();
    }

    public String type() {
        return type;
    }

    /**
     * Whether trying again elsewhere (another host) may succeed. True unless the request itself cannot be met
     * anywhere, as with a network request that is wrong or whose network is exhausted: such failures say so.
     */
    public boolean retryable() {
        return true;
    }

    /**
     * Whether the failure only says that someone else acted on the resource first (the instance was deleted, or
     * another action changed its task): the caller's work is moot rather than failed, and theirs wins.
     */
    public boolean overtaken() {
        return false;
    }

    @Override
    public String toString() {
        return type + ": " + getMessage();
    }
}
