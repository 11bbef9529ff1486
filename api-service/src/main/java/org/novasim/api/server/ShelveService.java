package org.novasim.api.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.image.Image;
import org.novasim.api.image.ImageSnapshots;
import org.novasim.api.instance.Instance;
import org.novasim.api.web.Policy;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.UnshelveServer;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Service;

/**
 * Shelve, offload and unshelve (Nova's os-shelve): shelving snapshots the instance into an image named
 * {@code <name>-shelved} and powers it off on its host, which offloads it after {@code shelved-offload-time};
 * unshelving a shelved instance powers it on where it is, an offloaded one goes through the conductor and the
 * scheduler to a host again.
 */
@Service
public class ShelveService {

    static final ActionGate.Action SHELVE = ActionGate.Action.of(
            "shelve",
            InstanceAction.SHELVE,
            ActionEvent.SHELVE,
            TaskState.SHELVING,
            Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED));
    static final ActionGate.Action OFFLOAD = ActionGate.Action.of(
            "shelveOffload",
            InstanceAction.SHELVE_OFFLOAD,
            ActionEvent.SHELVE_OFFLOAD,
            TaskState.SHELVING_OFFLOADING,
            Set.of(VmState.SHELVED));
    static final ActionGate.Action UNSHELVE = ActionGate.Action.of(
            "unshelve",
            InstanceAction.UNSHELVE,
            ActionEvent.UNSHELVE,
            TaskState.UNSHELVING,
            Set.of(VmState.SHELVED, VmState.SHELVED_OFFLOADED));

    private final ActionGate gate;
    private final InstanceSpecs specs;
    private final ImageSnapshots snapshots;
    private final ComputeClient compute;
    private final ConductorClient conductor;
    private final ServerActionProperties properties;

    ShelveService(
            ActionGate gate,
            InstanceSpecs specs,
            ImageSnapshots snapshots,
            ComputeClient compute,
            ConductorClient conductor,
            ServerActionProperties properties) {
        this.gate = gate;
        this.specs = specs;
        this.snapshots = snapshots;
        this.compute = compute;
        this.conductor = conductor;
        this.properties = properties;
    }

    public void shelve(RpcContext context, String uuid) {
        Instance instance = gate.check(context, uuid, SHELVE);
        if (instance.host() == null) {
            throw ActionGate.notReady(instance);
        }
        Image image = snapshots.create(
                instance.displayName() + "-shelved",
                instance.projectId(),
                context.userId(),
                uuid,
                instance.imageRef(),
                "shelved",
                Map.of());
        try {
            gate.begin(
                    context,
                    instance,
                    SHELVE,
                    host -> compute.shelveInstance(context, host, uuid, image.id(), properties.shelvedOffloadTime()));
        } catch (RuntimeException e) {
            snapshots.delete(image.id());
            throw e;
        }
    }

    /** Admin only, as Nova's default policy has it. */
    public void offload(RpcContext context, String uuid) {
        Instance instance = gate.check(context, uuid, OFFLOAD);
        Policy.requireAdmin(context, "os_compute_api:os-shelve:shelve_offload");
        gate.begin(context, instance, OFFLOAD, host -> compute.shelveOffloadInstance(context, host, uuid));
    }

    public void unshelve(RpcContext context, String uuid) {
        Instance instance = gate.check(context, uuid, UNSHELVE);
        // Nova deletes the shelved image once the instance runs again; the simulation needs it no longer.
        snapshots.shelvedImageOf(uuid).ifPresent(image -> snapshots.delete(image.id()));
        if (instance.vmState() == VmState.SHELVED && instance.host() != null) {
            gate.begin(
                    context, instance, UNSHELVE, host -> compute.unshelveInstance(context, host, specs.info(instance)));
            return;
        }
        gate.begin(
                context,
                instance,
                UNSHELVE,
                host -> conductor.unshelveInstance(
                        context,
                        new UnshelveServer(specs.info(instance), specs.spec(instance, instance.flavor(), List.of()))));
    }
}
