package org.novasim.api.quota;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /compute/v2.1/os-quota-sets/{project}}: a project's limits (readable by its members and admins),
 * defaults, usage detail, and changes by an admin.
 */
@RestController
@RequestMapping("/compute/v2.1/os-quota-sets/{projectId}")
class QuotaSetsController {

    private final QuotaService quotas;

    QuotaSetsController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @GetMapping
    Map<String, Object> show(RpcContext context, @PathVariable String projectId) {
        mayRead(context, projectId);
        return Map.of("quota_set", withId(projectId, quotas.limits(projectId)));
    }

    @GetMapping("/defaults")
    Map<String, Object> defaults(RpcContext context, @PathVariable String projectId) {
        return Map.of("quota_set", withId(projectId, quotas.defaults()));
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context, @PathVariable String projectId) {
        mayRead(context, projectId);
        QuotaService.Usage usage = quotas.usage(projectId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", projectId);
        quotas.limits(projectId)
                .forEach((resource, limit) ->
                        detail.put(resource, Map.of("limit", limit, "in_use", inUse(resource, usage), "reserved", 0)));
        return Map.of("quota_set", detail);
    }

    @PutMapping
    Map<String, Object> update(RpcContext context, @PathVariable String projectId, @RequestBody JsonNode body) {
        Policy.requireAdmin(context, "os_compute_api:os-quota-sets:update");
        JsonNode quotaSet = body == null ? null : body.get("quota_set");
        if (quotaSet == null || !quotaSet.isObject()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute quota_set. 'quota_set' is a required property");
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        boolean force = false;
        for (Map.Entry<String, JsonNode> field : quotaSet.properties()) {
            if (field.getKey().equals("force")) {
                force = field.getValue().asBoolean(false);
                continue;
            }
            if (!QuotaProperties.NOVA_DEFAULTS.containsKey(field.getKey())) {
                throw ApiException.badRequest("Invalid input for field/attribute quota_set. Additional properties "
                        + "are not allowed ('" + field.getKey() + "' was unexpected)");
            }
            JsonNode value = field.getValue();
            int limit = value.isIntegralNumber() && value.canConvertToInt()
                    ? value.asInt()
                    : value.isString() && value.asString().matches("-?[0-9]{1,9}")
                            ? Integer.parseInt(value.asString())
                            : -2;
            if (limit < -1) {
                throw ApiException.badRequest("Invalid input for field/attribute " + field.getKey() + ". Value: "
                        + value + ". " + value + " is less than the minimum of -1");
            }
            changes.put(field.getKey(), limit);
        }
        if (!force) {
            QuotaService.Usage usage = quotas.usage(projectId);
            changes.forEach((resource, limit) -> {
                int used = inUse(resource, usage);
                if (limit >= 0 && limit < used) {
                    throw ApiException.badRequest("Quota limit " + limit + " for " + resource
                            + " must be greater than or equal to already used and reserved " + used + ".");
                }
            });
        }
        quotas.setLimits(projectId, changes);
        return Map.of("quota_set", quotas.limits(projectId));
    }

    @DeleteMapping
    ResponseEntity<Void> reset(RpcContext context, @PathVariable String projectId) {
        Policy.requireAdmin(context, "os_compute_api:os-quota-sets:delete");
        quotas.reset(projectId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    private static void mayRead(RpcContext context, String projectId) {
        if (!context.isAdmin() && !projectId.equals(context.projectId())) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        }
    }

    private static Map<String, Object> withId(String projectId, Map<String, Integer> limits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", projectId);
        view.putAll(limits);
        return view;
    }

    static int inUse(String resource, QuotaService.Usage usage) {
        return switch (resource) {
            case "instances" -> usage.instances();
            case "cores" -> usage.cores();
            case "ram" -> usage.ram();
            default -> 0;
        };
    }
}
