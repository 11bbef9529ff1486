package org.novasim.api.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.novasim.api.action.ActionLog;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.web.ApiException;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How every server action begins, as Nova's compute API begins them: check the lock, the host and the states the
 * action is allowed from (409 in Nova's words otherwise), set the first task state with a compare-and-set so two
 * requests cannot both start, record the action, and cast. A cast the broker cannot deliver (no compute process
 * serves the host any more) gives the task state back, records the failure as the action's event and is a 409;
 * a broker that cannot take the message is a 503.
 */
@Component
class ActionGate {

    private static final Logger log = LoggerFactory.getLogger(ActionGate.class);

    static final List<TaskState> NO_TASK = List.of(TaskState.NONE);

    /** One cast to the instance's host, or to the conductor. */
    @FunctionalInterface
    interface Cast {
        void send(String host);
    }

    /**
     * An action as the gate checks and starts it.
     *
     * @param verb     the word of Nova's 409 messages ({@code 'pause'})
     * @param action   the instance action recorded ({@code pause})
     * @param event    the event recorded when the cast fails
     * @param task     the first task state
     * @param vmStates the vm states it is allowed from
     * @param expected the task states it is allowed from
     */
    record Action(
            String verb,
            String action,
            String event,
            TaskState task,
            Set<VmState> vmStates,
            Collection<TaskState> expected) {

        static Action of(String verb, String action, String event, TaskState task, Set<VmState> vmStates) {
            return new Action(verb, action, event, task, vmStates, NO_TASK);
        }
    }

    private final InstanceStore instances;
    private final ActionLog actions;
    private final ServiceDirectory services;
    private final ServerService servers;
    private final Clock clock;

    ActionGate(
            InstanceStore instances, ActionLog actions, ServiceDirectory services, ServerService servers, Clock clock) {
        this.instances = instances;
        this.actions = actions;
        this.services = services;
        this.servers = servers;
        this.clock = clock;
    }

    /** The caller's instance, checked for the lock and the action's states. */
    Instance check(RpcContext context, String uuid, Action action) {
        Instance instance = servers.get(context, uuid);
        checkLock(context, instance);
        checkState(instance, action.verb(), action.vmStates(), action.expected());
        return instance;
    }

    /** Sets the task state, records the action and casts; the task state is given back if the cast fails. */
    void begin(RpcContext context, Instance instance, Action action, Cast cast) {
        if (!instances.updateTaskState(instance.uuid(), action.task(), action.expected(), clock.instant())) {
            throw overtaken(context, instance, action);
        }
        started(context, instance, action, cast);
    }

    /** Someone else changed the instance since we read it: judge again on what it is now. */
    ApiException overtaken(RpcContext context, Instance instance, Action action) {
        Instance now = servers.get(context, instance.uuid());
        checkState(now, action.verb(), action.vmStates(), action.expected());
        return ApiException.conflict(
                "Instance " + instance.uuid() + " is in an invalid state for '" + action.verb() + "'");
    }

    /** The task state is set: record the action and cast. */
    void started(RpcContext context, Instance instance, Action action, Cast cast) {
        Instant started = clock.instant();
        actions.start(context, instance.uuid(), action.action());
        try {
            cast.send(instance.host());
        } catch (RemoteError e) {
            log.warn("{} of {}: the message could not be sent: {}", action.verb(), instance.uuid(), e.getMessage());
            instances.updateTaskState(instance.uuid(), TaskState.NONE, List.of(action.task()), clock.instant());
            actions.record(
                    context,
                    instance.uuid(),
                    List.of(ActionEvent.error(
                            action.event(),
                            started,
                            clock.instant(),
                            instance.host(),
                            "Compute host " + instance.host() + " is unreachable: " + e.getMessage())));
            if (e instanceof UndeliverableException) {
                throw ApiException.conflict("Compute host " + instance.host() + " of instance " + instance.uuid()
                        + " is unavailable at this time.");
            }
            throw ApiException.serviceUnavailable("The message could not be sent: " + e.getMessage());
        }
        log.info("{} of {} sent to {}", action.verb(), instance.uuid(), instance.host());
    }

    static void checkLock(RpcContext context, Instance instance) {
        if (instance.locked() && !context.isAdmin()) {
            throw ApiException.conflict("Instance " + instance.uuid() + " is locked");
        }
    }

    /** Nova's check_instance_host(check_is_up=True). */
    void checkHostUp(Instance instance) {
        if (instance.host() == null) {
            throw notReady(instance);
        }
        if (!services.isComputeUp(instance.host())) {
            throw ApiException.conflict("Compute host " + instance.host() + " of instance " + instance.uuid()
                    + " is unavailable at this time.");
        }
    }

    /** Nova's check_instance_state, with its 409 message naming the state that is wrong. */
    static void checkState(Instance instance, String verb, Set<VmState> vmStates, Collection<TaskState> taskStates) {
        if (!vmStates.contains(instance.vmState())) {
            throw invalidState(instance, verb, "vm_state", instance.vmState().value());
        }
        if (!taskStates.contains(instance.taskState())) {
            throw invalidState(
                    instance, verb, "task_state", instance.taskState().describe());
        }
    }

    static ApiException invalidState(Instance instance, String verb, String attribute, String state) {
        return ApiException.conflict(
                "Cannot '" + verb + "' instance " + instance.uuid() + " while it is in " + attribute + " " + state);
    }

    static ApiException notReady(Instance instance) {
        return ApiException.conflict("Instance " + instance.uuid() + " is not ready");
    }
}
