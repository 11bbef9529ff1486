package org.novasim.api.hypervisor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.service.HostEnablement;
import org.novasim.api.service.LegacyTimestamps;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceKey;
import org.novasim.api.service.ServiceRecord;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.service.ServiceApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /compute/v2.1/os-services}, admin only: every service up or down from its heartbeats, filtered by
 * {@code host} and {@code binary}; enable, disable and disable-log-reason by host and binary, as microversion 2.1
 * does it; delete by id. Disabling a compute host keeps the scheduler off it.
 */
@RestController
@RequestMapping("/compute/v2.1/os-services")
class ServicesController {

    private final ServiceDirectory directory;
    private final ComputeNodes nodes;
    private final HostEnablement enablement;
    private final HostInstances instances;
    private final Clock clock;

    ServicesController(
            ServiceDirectory directory,
            ComputeNodes nodes,
            HostEnablement enablement,
            HostInstances instances,
            Clock clock) {
        this.directory = directory;
        this.nodes = nodes;
        this.enablement = enablement;
        this.instances = instances;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, ApiVersion version, @RequestParam Map<String, String> params) {
        Policy.requireAdmin(context, "os_compute_api:os-services:list");
        String host = params.get("host");
        String binary = params.get("binary");
        List<Map<String, Object>> services = directory.all().stream()
                .filter(service ->
                        host == null || host.isEmpty() || service.host().equals(host))
                .filter(service ->
                        binary == null || binary.isEmpty() || service.binary().equals(binary))
                .map(service -> view(service, version))
                .toList();
        return Map.of("services", services);
    }

    /**
     * Nova 2.1's service actions: {@code enable}, {@code disable}, {@code disable-log-reason}; from 2.11
     * {@code force-down}, which makes the service count as down (and its host take no new instances) until unforced.
     */
    @PutMapping("/{action}")
    Map<String, Object> update(
            RpcContext context,
            ApiVersion version,
            @PathVariable String action,
            @RequestBody(required = false) JsonNode body) {
        Policy.requireAdmin(context, "os_compute_api:os-services:update");
        if ("force-down".equals(action) && version.atLeast(2, 11)) {
            return forceDown(context, body);
        }
        boolean disable = switch (action) {
            case "enable" -> false;
            case "disable", "disable-log-reason" -> true;
            default -> throw ApiException.notFound("Unknown action");
        };
        String host = required(body, "host");
        String binary = required(body, "binary");
        String reason = null;
        if ("disable-log-reason".equals(action)) {
            JsonNode value = body.get("disabled_reason");
            if (value == null || value.isNull()) {
                throw ApiException.badRequest("Missing disabled reason field");
            }
            reason = text(value, "disabled_reason");
        }
        tellHost(context, directory.setDisabled(existing(host, binary), disable, reason));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("host", host);
        view.put("binary", binary);
        view.put("status", disable ? "disabled" : "enabled");
        if (reason != null) {
            view.put("disabled_reason", reason);
        }
        return Map.of("service", view);
    }

    private Map<String, Object> forceDown(RpcContext context, JsonNode body) {
        String host = required(body, "host");
        String binary = required(body, "binary");
        JsonNode forced = body.get("forced_down");
        if (forced == null || !forced.isBoolean()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute forced_down. Value: " + forced + ". It must be a boolean");
        }
        ServiceRecord changed = directory.setForcedDown(existing(host, binary), forced.asBoolean());
        tellHost(context, changed);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("host", host);
        view.put("binary", binary);
        view.put("forced_down", changed.forcedDown());
        return Map.of("service", view);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        Policy.requireAdmin(context, "os_compute_api:os-services:delete");
        ServiceRecord service = (id.matches("[0-9]{1,18}")
                        ? directory.findById(Long.parseLong(id))
                        : directory.all().stream()
                                .filter(s -> s.uuid().equals(id))
                                .findFirst())
                .orElseThrow(() -> ApiException.notFound("Service " + id + " not found."));
        if (ServiceApi.NOVA_COMPUTE.equals(service.binary())) {
            if (instances.any(service.host())) {
                throw ApiException.conflict("Unable to delete compute service that is hosting instances. "
                        + "Migrate or delete the instances first.");
            }
            nodes.forget(service.host());
        }
        directory.delete(service);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private Map<String, Object> view(ServiceRecord service, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        // Integer ids until 2.53, UUIDs from then on.
        view.put("id", version.atLeast(2, 53) ? service.uuid() : service.id());
        view.put("binary", service.binary());
        view.put("disabled_reason", service.disabledReason());
        view.put("host", service.host());
        view.put("state", directory.isUp(service) ? "up" : "down");
        view.put("status", service.disabled() ? "disabled" : "enabled");
        view.put(
                "updated_at",
                LegacyTimestamps.of(directory.lastHeartbeat(service.key()).orElse(service.updatedAt())));
        view.put("zone", service.zone());
        if (version.atLeast(2, 11)) {
            view.put("forced_down", service.forcedDown());
        }
        return view;
    }

    private ServiceRecord existing(String host, String binary) {
        return directory
                .find(new ServiceKey(host, binary))
                .orElseThrow(() -> ApiException.notFound("Could not find binary " + binary + " on host " + host + "."));
    }

    /** A compute host learns whether it may take instances (it carries that to the schedulers). */
    private void tellHost(RpcContext context, ServiceRecord changed) {
        if (ServiceApi.NOVA_COMPUTE.equals(changed.binary())) {
            enablement.apply(context, changed, clock.instant());
        }
    }

    private static String required(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute service. The body must be an object "
                    + "with 'host' and 'binary'");
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: None. '" + field
                    + "' is a required property");
        }
        return text(value, field);
    }

    private static String text(JsonNode value, String field) {
        if (!value.isString() || value.asString().isEmpty() || value.asString().length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value
                    + ". It must be a string of 1 to 255 characters");
        }
        return value.asString();
    }
}
