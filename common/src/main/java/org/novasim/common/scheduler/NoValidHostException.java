package org.novasim.common.scheduler;

import org.novasim.common.rpc.RemoteError;

/** No host passed the filters for the request, in Nova's words. */
public class NoValidHostException extends RemoteError {

    public static final String MESSAGE = "No valid host was found. There are not enough hosts available.";

    public NoValidHostException(String message) {
        super(message);
    }

    public NoValidHostException() {
        this(MESSAGE);
    }
}
