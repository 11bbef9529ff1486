package org.novasim.common.rpc;

/** The server speaks another major version, or an older minor, than the message needs. */
public class UnsupportedVersionException extends RemoteError {

    public UnsupportedVersionException(String message) {
        super(message);
    }
}
