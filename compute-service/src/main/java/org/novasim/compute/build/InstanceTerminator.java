package org.novasim.compute.build;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.novasim.common.compute.TerminateInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes an instance from its host: the VM, its ports, its claim; then tells the conductor it is gone. Runs in
 * the message handler, so the message is acknowledged only when the host has let go of everything. Every step
 * is idempotent: a redelivered delete, or one racing a build that is still running, leaves nothing behind.
 */
public final class InstanceTerminator {

    private static final Logger log = LoggerFactory.getLogger(InstanceTerminator.class);

    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final NetworkClient network;
    private final Clock clock;

    public InstanceTerminator(
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            NetworkClient network,
            Clock clock) {
        this.hosts = hosts;
        this.driver = driver;
        this.conductor = conductor;
        this.network = network;
        this.clock = clock;
    }

    public void terminate(RpcContext context, TerminateInstance request) {
        Instant started = clock.instant();
        SimulatedHost host = hosts.get(request.host());
        String uuid = request.instanceUuid();
        if (host != null) {
            driver.destroy(host.name(), uuid);
        }
        int ports = network.deallocateForInstance(context, uuid);
        if (host != null) {
            host.tracker().free(uuid);
            host.markChanged();
        }
        log.info("instance {} deleted from {} ({} ports released)", uuid, request.host(), ports);
        conductor.instanceDestroyed(
                context,
                uuid,
                request.host(),
                List.of(ActionEvent.success(ActionEvent.TERMINATE, started, clock.instant(), request.host())));
    }
}
