package org.novasim.common.rpc;

/**
 * The message carries no usable request context: no request id, or neither a user of a project nor the system's
 * own admin role. A server refuses it rather than guess on whose behalf it acts (oslo.messaging's servers
 * deserialize the context first, and Nova's handlers then check its roles).
 */
public class InvalidContextException extends RemoteError {

    public InvalidContextException(String message) {
        super(message);
    }
}
