package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** A requested fixed address is already taken by another port. */
public class FixedIpInUseException extends RemoteError {

    public FixedIpInUseException(String message) {
        super(message);
    }
}
