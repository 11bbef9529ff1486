package org.novasim.api.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.action.InstanceActionEvent;
import org.novasim.api.action.InstanceActions;
import org.novasim.api.instance.Instance;
import org.novasim.api.service.LegacyTimestamps;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compute/v2.1/servers/{id}/os-instance-actions}: what was done to a server (create, delete, stop, start,
 * reboot), newest first, and each action's events. As Nova's default policy has it, events are shown to admins
 * until microversion 2.51 and to the server's owner from then on, the traceback only to admins; the host of an
 * event (admins) and its hashed hostId (everyone) from 2.62.
 */
@RestController
@RequestMapping("/compute/v2.1/servers/{serverId}/os-instance-actions")
class InstanceActionsController {

    private final ServerService servers;
    private final InstanceActions actions;

    InstanceActionsController(ServerService servers, InstanceActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, ApiVersion version, @PathVariable String serverId) {
        Instance instance = servers.get(context, serverId);
        return Map.of(
                "instanceActions",
                actions.of(instance.uuid()).stream()
                        .map(action -> action(action, version))
                        .toList());
    }

    @GetMapping("/{requestId}")
    Map<String, Object> show(
            RpcContext context, ApiVersion version, @PathVariable String serverId, @PathVariable String requestId) {
        Instance instance = servers.get(context, serverId);
        InstanceAction action = actions.find(instance.uuid(), requestId)
                .orElseThrow(() -> ApiException.notFound("Action " + requestId + " not found"));
        Map<String, Object> view = action(action, version);
        boolean admin = context.isAdmin();
        if (admin || version.atLeast(2, 51)) {
            boolean hosts = version.atLeast(2, 62);
            view.put(
                    "events",
                    actions.eventsOf(action).stream()
                            .map(event -> event(event, instance, admin, hosts))
                            .toList());
        }
        return Map.of("instanceAction", view);
    }

    private static Map<String, Object> action(InstanceAction action, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("action", action.action());
        view.put("instance_uuid", action.instanceUuid());
        view.put("message", action.message());
        view.put("project_id", action.projectId());
        view.put("request_id", action.requestId());
        view.put("start_time", LegacyTimestamps.of(action.startTime()));
        view.put("user_id", action.userId());
        if (version.atLeast(2, 58)) {
            view.put("updated_at", LegacyTimestamps.of(action.updatedAt()));
        }
        return view;
    }

    private static Map<String, Object> event(
            InstanceActionEvent event, Instance instance, boolean admin, boolean hosts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event", event.event());
        view.put("start_time", LegacyTimestamps.of(event.startTime()));
        view.put("finish_time", LegacyTimestamps.of(event.finishTime()));
        view.put("result", event.result());
        if (admin) {
            view.put("traceback", event.traceback());
        }
        if (hosts) {
            if (admin) {
                view.put("host", event.host() == null ? "" : event.host());
            }
            view.put("hostId", HostIds.of(instance.projectId(), event.host()));
        }
        return view;
    }
}
