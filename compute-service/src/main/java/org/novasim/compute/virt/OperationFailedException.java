package org.novasim.compute.virt;

/** The simulated hypervisor failed an operation it was told to fail ({@code fake-driver.failing-operations}). */
public final class OperationFailedException extends RuntimeException {

    public OperationFailedException(String operation, String instanceUuid, String host) {
        super("Simulated hypervisor failure in " + operation + " of instance " + instanceUuid + " on " + host);
    }
}
