package org.novasim.common.conductor;

import org.novasim.common.rpc.RemoteError;

/** The instance does not exist (any more). */
public class InstanceNotFoundException extends RemoteError {

    public InstanceNotFoundException(String message) {
        super(message);
    }

    public static InstanceNotFoundException of(String uuid) {
        return new InstanceNotFoundException("Instance " + uuid + " could not be found.");
    }

    @Override
    public boolean overtaken() {
        return true;
    }
}
