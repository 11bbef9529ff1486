package org.novasim.compute.virt;

import java.util.concurrent.CompletableFuture;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;

/**
 * The hypervisor under a compute host (Nova's virt driver API). Slow operations return futures so that waiting
 * for a simulated boot or shutdown holds no thread. Operations on an instance the host does not have complete
 * exceptionally with {@link VmNotFoundException}.
 */
public interface HypervisorDriver {

    /** Boots the instance on the host; completes when it runs, completes exceptionally when the boot fails. */
    CompletableFuture<Void> spawn(String host, InstanceInfo instance);

    /** Shuts the instance down (Nova's power_off); completes when it is off. Already off is fine. */
    CompletableFuture<Void> powerOff(String host, String instanceUuid);

    /** Starts the instance (Nova's power_on); completes when it runs. Already running is fine. */
    CompletableFuture<Void> powerOn(String host, String instanceUuid);

    /**
     * Reboots the instance: soft asks the guest, hard resets it (and starts it when it was off). Completes when
     * it runs again.
     */
    CompletableFuture<Void> reboot(String host, String instanceUuid, boolean hard);

    /** Removes the instance from the host, whatever state it is in. Idempotent. */
    void destroy(String host, String instanceUuid);

    /**
     * The host had the instance before this process restarted: know it again, in the power state last recorded
     * (a real hypervisor keeps its VMs across a restart of nova-compute; the fake one keeps them in memory).
     */
    void adopt(String host, String instanceUuid, PowerState powerState);

    /** The instance's power state, NOSTATE when the host does not have it. */
    PowerState powerState(String host, String instanceUuid);

    /** Instances present on the host (running or not). */
    int instanceCount(String host);
}
