package org.novasim.network.port;

/**
 * Another transaction created a port for the same device on the same network at the same moment (a redelivered
 * allocate handled by two consumers at once). The caller retries and finds that port.
 */
public class DuplicateDevicePortException extends RuntimeException {

    public DuplicateDevicePortException(String deviceId, String networkId) {
        super("device " + deviceId + " got a port on network " + networkId + " concurrently");
    }
}
