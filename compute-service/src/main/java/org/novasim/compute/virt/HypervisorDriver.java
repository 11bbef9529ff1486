package org.novasim.compute.virt;

import java.util.concurrent.CompletableFuture;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.instance.PowerState;

/**
 * The hypervisor under a compute host (Nova's virt driver API). Slow operations return futures so that waiting
 * for a simulated boot holds no thread.
 */
public interface HypervisorDriver {

    /** Boots the instance on the host; completes when it runs, completes exceptionally when the boot fails. */
    CompletableFuture<Void> spawn(String host, InstanceInfo instance);

    /** Removes the instance from the host, whatever state it is in. Idempotent. */
    void destroy(String host, String instanceUuid);

    /** The instance's power state, NOSTATE when the host does not have it. */
    PowerState powerState(String host, String instanceUuid);

    /** Instances present on the host (running or not). */
    int instanceCount(String host);
}
