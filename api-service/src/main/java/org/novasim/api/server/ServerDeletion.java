package org.novasim.api.server;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deletes servers as Nova's API does: at once when no host holds the server; through its host when that host's
 * compute service is up (the host frees what it holds and reports back); locally when it is down or gone
 * (Nova's {@code _local_delete}): the network is released from here and the server deleted, so a dead host never
 * keeps a server stuck in {@code deleting} nor its addresses taken.
 *
 * <p>A host that was only silent, not dead, still holds the claim of a server deleted locally, as in Nova until its
 * compute service comes back; a compute-service process that restarts starts with empty hosts.
 */
@Service
public class ServerDeletion {

    private static final Logger log = LoggerFactory.getLogger(ServerDeletion.class);

    private final ServerService servers;
    private final InstanceStore instances;
    private final ActionLog actions;
    private final ServiceDirectory services;
    private final ComputeClient compute;
    private final NetworkClient network;
    private final Clock clock;
    private final ResizeService resizes;

    public ServerDeletion(
            ServerService servers,
            InstanceStore instances,
            ActionLog actions,
            ServiceDirectory services,
            ComputeClient compute,
            NetworkClient network,
            Clock clock,
            ResizeService resizes) {
        this.resizes = resizes;
        this.servers = servers;
        this.instances = instances;
        this.actions = actions;
        this.services = services;
        this.compute = compute;
        this.network = network;
        this.clock = clock;
    }

    public void delete(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        actions.start(context, uuid, InstanceAction.DELETE);
        if (instance.host() == null) {
            if (instance.networkInfo() != null) {
                // Offloaded (shelved): no host holds it, but its ports are still its own.
                deleteLocally(context, uuid, "it is on no host");
            } else {
                instances.softDelete(uuid, clock.instant());
            }
            return;
        }
        List<TaskState> anyButDeleting =
                EnumSet.complementOf(EnumSet.of(TaskState.DELETING)).stream().toList();
        if (!instances.updateTaskState(uuid, TaskState.DELETING, anyButDeleting, clock.instant())
                && instances
                        .findLive(uuid)
                        .filter(i -> i.taskState() == TaskState.DELETING)
                        .isEmpty()) {
            return;
        }
        if (instance.vmState() == VmState.RESIZED) {
            resizes.releaseSource(context, instance);
        }
        if (!services.isComputeUp(instance.host())) {
            deleteLocally(context, uuid, "its host " + instance.host() + " is down");
            return;
        }
        // Already deleting: ask the host again, since deleting twice is harmless and the first ask may be lost.
        try {
            compute.terminateInstance(context, instance.host(), uuid);
        } catch (UndeliverableException e) {
            deleteLocally(context, uuid, "its host " + instance.host() + " is unreachable: " + e.getMessage());
        }
    }

    private void deleteLocally(RpcContext context, String uuid, String why) {
        int ports = network.deallocateForInstance(context, uuid);
        instances.softDelete(uuid, clock.instant());
        log.warn("deleted {} locally, {} port(s) released: {}", uuid, ports, why);
    }
}
