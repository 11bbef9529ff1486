package org.novasim.common.network;

import org.novasim.common.rpc.RemoteError;

/** The caller's roles do not allow the action (Neutron's PolicyNotAuthorized, HTTP 403). */
public class PolicyNotAuthorizedException extends RemoteError {

    public PolicyNotAuthorizedException(String message) {
        super(message);
    }

    public static PolicyNotAuthorizedException rule(String rule) {
        return new PolicyNotAuthorizedException("rule:" + rule + " is disallowed by policy");
    }

    /** Another host cannot fix a network request that is wrong or cannot be met. */
    @Override
    public boolean retryable() {
        return false;
    }
}
