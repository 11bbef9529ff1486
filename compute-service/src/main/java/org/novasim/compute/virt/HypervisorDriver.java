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

    /** Pauses the guest (kept in memory, not running); completes when it is paused. */
    CompletableFuture<Void> pause(String host, String instanceUuid);

    CompletableFuture<Void> unpause(String host, String instanceUuid);

    /** Suspends the guest to disk; completes when it is suspended. */
    CompletableFuture<Void> suspend(String host, String instanceUuid);

    CompletableFuture<Void> resume(String host, String instanceUuid);

    /** Boots the guest from a rescue image; it runs in rescue mode when this completes. */
    CompletableFuture<Void> rescue(String host, String instanceUuid);

    CompletableFuture<Void> unrescue(String host, String instanceUuid);

    CompletableFuture<Void> setAdminPassword(String host, String instanceUuid);

    /** Snapshots the guest's disk and uploads it; completes when the upload is done. */
    CompletableFuture<Void> snapshot(String host, String instanceUuid);

    /** Destroys the guest and spawns it again from {@code instance.image()}, running; fails as spawn fails. */
    CompletableFuture<Void> rebuild(String host, InstanceInfo instance);

    /** First half of a move, on the source: the guest is powered off and its disk copied away. */
    CompletableFuture<Void> migrateDiskAndPowerOff(String host, String instanceUuid);

    /** Second half, on the destination: the guest exists there, running if {@code powerOn}. */
    CompletableFuture<Void> finishMigration(String host, InstanceInfo instance, boolean powerOn);

    /** A reverted move, on the source: the guest runs again there if {@code powerOn}. */
    CompletableFuture<Void> finishRevertMigration(String host, String instanceUuid, boolean powerOn);

    /** The guest's console log; {@link VmNotFoundException} when the host does not have it. */
    String consoleOutput(String host, String instanceUuid);

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
