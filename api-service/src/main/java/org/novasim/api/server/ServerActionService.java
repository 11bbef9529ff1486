package org.novasim.api.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.novasim.api.action.ActionLog;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.web.ApiException;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.compute.RebootInstance;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stop, start and reboot as Nova's compute API does them: check the lock, the host and the states the action is
 * allowed from (409 in Nova's words otherwise), set the task state with a compare-and-set so two requests cannot
 * both start, record the action, and cast to the host, which reports every further step to the conductor.
 *
 * <p>A host whose service is down refuses stop and start at once, as Nova's check_instance_host(check_is_up)
 * does (Nova answers that with a 500; novasim with a 409 saying why). A cast the broker cannot deliver (no compute
 * process serves the host any more) gives the task state back, records the failure as the action's event and is
 * a 409 too. A reboot does not look at the host first, as in Nova: it waits in the host's queue.
 */
@Service
public class ServerActionService {

    private static final Logger log = LoggerFactory.getLogger(ServerActionService.class);

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

    private static final List<TaskState> NO_TASK = List.of(TaskState.NONE);

    /** One cast to a host. */
    @FunctionalInterface
    private interface Cast {
        void send(String host);
    }

    private final ServerService servers;
    private final InstanceStore instances;
    private final ActionLog actions;
    private final ComputeClient compute;
    private final ServiceDirectory services;
    private final Clock clock;

    public ServerActionService(
            ServerService servers,
            InstanceStore instances,
            ActionLog actions,
            ComputeClient compute,
            ServiceDirectory services,
            Clock clock) {
        this.servers = servers;
        this.instances = instances;
        this.actions = actions;
        this.compute = compute;
        this.services = services;
        this.clock = clock;
    }

    public void stop(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        checkLock(context, instance);
        checkHostUp(instance);
        checkState(instance, "stop", Set.of(VmState.ACTIVE, VmState.ERROR), NO_TASK);
        begin(
                context,
                instance,
                "stop",
                InstanceAction.STOP,
                ActionEvent.STOP,
                TaskState.POWERING_OFF,
                Set.of(VmState.ACTIVE, VmState.ERROR),
                NO_TASK,
                host -> compute.stopInstance(context, host, uuid));
    }

    public void start(RpcContext context, String uuid) {
        Instance instance = servers.get(context, uuid);
        checkLock(context, instance);
        checkHostUp(instance);
        checkState(instance, "start", Set.of(VmState.STOPPED), NO_TASK);
        begin(
                context,
                instance,
                "start",
                InstanceAction.START,
                ActionEvent.START,
                TaskState.POWERING_ON,
                Set.of(VmState.STOPPED),
                NO_TASK,
                host -> compute.startInstance(context, host, uuid));
    }

    /** @param type {@link RebootInstance#SOFT} or {@link RebootInstance#HARD} */
    public void reboot(RpcContext context, String uuid, String type) {
        Instance instance = servers.get(context, uuid);
        checkLock(context, instance);
        checkState(instance, "reboot", HARD_REBOOT_VM_STATES, ALLOW_REBOOT);
        boolean hard = RebootInstance.HARD.equals(type);
        Set<VmState> vmStates = hard ? HARD_REBOOT_VM_STATES : SOFT_REBOOT_VM_STATES;
        List<TaskState> taskStates = hard ? ALLOW_REBOOT : NO_TASK;
        checkState(instance, "reboot", vmStates, taskStates);
        if (instance.host() == null) {
            throw notReady(instance);
        }
        begin(
                context,
                instance,
                "reboot",
                InstanceAction.REBOOT,
                ActionEvent.REBOOT,
                hard ? TaskState.REBOOTING_HARD : TaskState.REBOOTING,
                vmStates,
                taskStates,
                host -> compute.rebootInstance(context, host, uuid, type));
    }

    private void begin(
            RpcContext context,
            Instance instance,
            String verb,
            String action,
            String event,
            TaskState task,
            Set<VmState> vmStates,
            Collection<TaskState> expected,
            Cast cast) {
        Instant started = clock.instant();
        if (!instances.updateTaskState(instance.uuid(), task, expected, started)) {
            // Someone else changed the instance since we read it: judge again on what it is now.
            Instance now = servers.get(context, instance.uuid());
            checkState(now, verb, vmStates, expected);
            throw ApiException.conflict("Instance " + instance.uuid() + " is in an invalid state for '" + verb + "'");
        }
        actions.start(context, instance.uuid(), action);
        try {
            cast.send(instance.host());
        } catch (RemoteError e) {
            // The host never got the request: give the task back, so the instance is not stuck in it.
            log.warn("{} of {}: host {} is unreachable: {}", verb, instance.uuid(), instance.host(), e.getMessage());
            instances.updateTaskState(instance.uuid(), TaskState.NONE, List.of(task), clock.instant());
            actions.record(
                    context,
                    instance.uuid(),
                    List.of(ActionEvent.error(
                            event,
                            started,
                            clock.instant(),
                            instance.host(),
                            "Compute host " + instance.host() + " is unreachable: " + e.getMessage())));
            if (e instanceof UndeliverableException) {
                throw ApiException.conflict("Compute host " + instance.host() + " of instance " + instance.uuid()
                        + " is unavailable at this time.");
            }
            throw ApiException.serviceUnavailable(
                    "The message to compute host " + instance.host() + " could not be sent: " + e.getMessage());
        }
        log.info("{} of {} sent to {}", verb, instance.uuid(), instance.host());
    }

    private static void checkLock(RpcContext context, Instance instance) {
        if (instance.locked() && !context.isAdmin()) {
            throw ApiException.conflict("Instance " + instance.uuid() + " is locked");
        }
    }

    /** Nova's check_instance_host(check_is_up=True). */
    private void checkHostUp(Instance instance) {
        if (instance.host() == null) {
            throw notReady(instance);
        }
        if (!services.isComputeUp(instance.host())) {
            throw ApiException.conflict("Compute host " + instance.host() + " of instance " + instance.uuid()
                    + " is unavailable at this time.");
        }
    }

    /** Nova's check_instance_state, with its 409 message naming the state that is wrong. */
    private static void checkState(
            Instance instance, String verb, Set<VmState> vmStates, Collection<TaskState> taskStates) {
        if (!vmStates.contains(instance.vmState())) {
            throw invalidState(instance, verb, "vm_state", instance.vmState().value());
        }
        if (!taskStates.contains(instance.taskState())) {
            throw invalidState(
                    instance, verb, "task_state", instance.taskState().describe());
        }
    }

    private static ApiException invalidState(Instance instance, String verb, String attribute, String state) {
        return ApiException.conflict(
                "Cannot '" + verb + "' instance " + instance.uuid() + " while it is in " + attribute + " " + state);
    }

    private static ApiException notReady(Instance instance) {
        return ApiException.conflict("Instance " + instance.uuid() + " is not ready");
    }
}
