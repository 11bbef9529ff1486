package org.novasim.compute.virt;

/** The hypervisor has no such instance (Nova's InstanceNotFound from a driver), e.g. after the host restarted. */
public class VmNotFoundException extends RuntimeException {

    public VmNotFoundException(String instanceUuid, String host) {
        super("Instance " + instanceUuid + " could not be found on host " + host + ".");
    }
}
