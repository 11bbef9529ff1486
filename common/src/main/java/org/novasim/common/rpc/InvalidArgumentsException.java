package org.novasim.common.rpc;

/** The message's arguments could not be read as the method's contract says. */
public class InvalidArgumentsException extends RemoteError {

    public InvalidArgumentsException(String message) {
        super(message);
    }
}
