package org.novasim.api.server;

import java.util.List;
import java.util.Set;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.instance.Instance;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Service;

/**
 * Stop, start and reboot as Nova's compute API does them, through the {@link ActionGate}.
 *
 * <p>A host whose service is down refuses stop and start at once, as Nova's check_instance_host(check_is_up)
 * does (Nova answers that with a 500; novasim with a 409 saying why). A reboot does not look at the host first, as
 * in Nova: it waits in the host's queue.
 */
@Service
public class ServerActionService {

    /** Nova's vm_states.ALLOW_SOFT_REBOOT and ALLOW_HARD_REBOOT. */
    private static final Set<VmState> SOFT_REBOOT_VM_STATES = Set.of(VmState.ACTIVE);

    private static final Set<VmState> HARD_REBOOT_VM_STATES =
            Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR);
    /** Nova's task_states.ALLOW_REBOOT, as far as novasim has those task states. */
    private static final List<TaskState> ALLOW_REBOOT = List.of(
            TaskState.NONE,
            TaskState.REBOOTING,
            TaskState.REBOOT_PENDING,
            TaskState.REBOOT_STARTED,
            TaskState.REBOOTING_HARD);

    private static final ActionGate.Action STOP = ActionGate.Action.of(
            "stop",
            InstanceAction.STOP,
            ActionEvent.STOP,
            TaskState.POWERING_OFF,
            Set.of(VmState.ACTIVE, VmState.ERROR));
    private static final ActionGate.Action START = ActionGate.Action.of(
            "start", InstanceAction.START, ActionEvent.START, TaskState.POWERING_ON, Set.of(VmState.STOPPED));

    private final ActionGate gate;
    private final ServerService servers;
    private final ComputeClient compute;

    public ServerActionService(ActionGate gate, ServerService servers, ComputeClient compute) {
        this.gate = gate;
        this.servers = servers;
        this.compute = compute;
    }

    public void stop(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        ActionGate.checkLock(context, instance);
        gate.checkHostUp(instance);
        ActionGate.checkState(instance, STOP.verb(), STOP.vmStates(), STOP.expected());
        gate.begin(context, instance, STOP, host -> compute.stopInstance(context, host, uuid));
    }

    public void start(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        ActionGate.checkLock(context, instance);
        gate.checkHostUp(instance);
        ActionGate.checkState(instance, START.verb(), START.vmStates(), START.expected());
        gate.begin(context, instance, START, host -> compute.startInstance(context, host, uuid));
    }

    /** @param type {@link RebootInstance#SOFT} or {@link RebootInstance#HARD} */
    public void reboot(RpcContext context, String uuid, String type) {
        Instance instance = servers.get(context, uuid);
        ActionGate.checkLock(context, instance);
        ActionGate.checkState(instance, "reboot", HARD_REBOOT_VM_STATES, ALLOW_REBOOT);
        boolean hard = RebootInstance.HARD.equals(type);
        ActionGate.Action reboot = new ActionGate.Action(
                "reboot",
                InstanceAction.REBOOT,
                ActionEvent.REBOOT,
                hard ? TaskState.REBOOTING_HARD : TaskState.REBOOTING,
                hard ? HARD_REBOOT_VM_STATES : SOFT_REBOOT_VM_STATES,
                hard ? ALLOW_REBOOT : ActionGate.NO_TASK);
        ActionGate.checkState(instance, "reboot", reboot.vmStates(), reboot.expected());
        if (instance.host() == null) {
            throw ActionGate.notReady(instance);
        }
        gate.begin(context, instance, reboot, host -> compute.rebootInstance(context, host, uuid, type));
    }
}
