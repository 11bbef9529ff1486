package org.novasim.common.conductor;

import org.novasim.common.rpc.RemoteError;

/**
 * The instance is not in the task state the update expected: someone else acted on it first. When the actual
 * state is {@code deleting}, the builder should give up and clean up (Nova's UnexpectedDeletingTaskStateError).
 */
public class UnexpectedTaskStateException extends RemoteError {

    public UnexpectedTaskStateException(String message) {
        super(message);
    }

    public boolean isDeleting() {
        return getMessage() != null && getMessage().endsWith("the actual state is deleting");
    }

    @Override
    public boolean overtaken() {
        return true;
    }
}
