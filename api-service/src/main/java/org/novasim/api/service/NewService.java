package org.novasim.api.service;

/** A service heard of: what is needed to record it. */
public record NewService(String host, String binary, String topic, String zone) {

    public ServiceKey key() {
        return new ServiceKey(host, binary);
    }
}
