package org.novasim.common.rpc;

/**
 * The broker could not take a message, or the connection went while a call waited: the connection was refused or
 * lost, the channel closed, or no confirm came. Unlike {@link UndeliverableException} it says nothing about the
 * receiver: the same message may go through once the broker is back, so {@link RpcClient} sends it again (with
 * backoff, within the operation's deadline) and raises this only when the deadline has passed.
 */
public class BrokerUnavailableException extends RemoteError {

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
