package org.novasim.common.rpc;

/** The server has no handler for the method (oslo.messaging's NoSuchMethod). */
public class UnknownMethodException extends RemoteError {

    public UnknownMethodException(String message) {
        super(message);
    }
}
