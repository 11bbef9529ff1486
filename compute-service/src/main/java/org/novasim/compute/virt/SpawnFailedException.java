package org.novasim.compute.virt;

/** The hypervisor could not boot the instance (in the fake driver: by the configured failure rate). */
public class SpawnFailedException extends RuntimeException {

    public SpawnFailedException(String message) {
        super(message);
    }
}
