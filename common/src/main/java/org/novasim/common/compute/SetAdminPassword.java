package org.novasim.common.compute;

/**
 * Set the guest's administrator password (Nova's set_admin_password); the API has set task state
 * updating_password. The simulated guest keeps nothing, but the message carries it as Nova's does.
 */
public record SetAdminPassword(String host, String instanceUuid, String newPassword) {

    @Override
    public String toString() {
        // Never in a log line.
        return "SetAdminPassword[host=" + host + ", instanceUuid=" + instanceUuid + "]";
    }
}
