package org.novasim.common.rpc;

/** A call that got no reply in time (oslo.messaging's MessagingTimeout). */
public class RpcTimeoutException extends RemoteError {

    public RpcTimeoutException(String message) {
        super(message);
    }
}
