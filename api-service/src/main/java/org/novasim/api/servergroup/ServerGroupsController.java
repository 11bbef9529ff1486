package org.novasim.api.servergroup;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /compute/v2.1/os-server-groups}: list (the project's; every project's with {@code all_projects} for an
 * admin; {@code limit} and {@code offset}), create (within the project's server_groups quota), show, delete. As in microversion 2.1 a group shows its policy
 * as a list of one, {@code policies}, and its members as server ids.
 */
@RestController
@RequestMapping("/compute/v2.1/os-server-groups")
class ServerGroupsController {

    private static final List<String> POLICIES = List.of(ServerGroup.ANTI_AFFINITY, ServerGroup.AFFINITY);

    private final ServerGroupStore groups;
    private final QuotaService quotas;
    private final Clock clock;

    ServerGroupsController(ServerGroupStore groups, QuotaService quotas, Clock clock) {
        this.groups = groups;
        this.quotas = quotas;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, ApiVersion version, @RequestParam Map<String, String> params) {
        boolean all = params.containsKey("all_projects") && context.isAdmin();
        List<ServerGroup> found = groups.list(all ? null : context.projectId());
        int offset = nonNegative(params, "offset", 0);
        int limit = nonNegative(params, "limit", 1000);
        List<ServerGroup> page =
                found.subList(Math.min(offset, found.size()), Math.min(found.size(), offset + Math.min(limit, 1000)));
        return Map.of(
                "server_groups",
                page.stream().map(group -> view(group, version)).toList());
    }

    @PostMapping
    Map<String, Object> create(RpcContext context, ApiVersion version, @RequestBody(required = false) JsonNode body) {
        if (body == null
                || !body.isObject()
                || !body.has("server_group")
                || !body.get("server_group").isObject()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute server_group. 'server_group' is a " + "required property");
        }
        JsonNode group = body.get("server_group");
        String name = name(group.get("name"));
        String policy = policy(group.get("policies"));
        Integer limit = quotas.limits(context.projectId()).get("server_groups");
        if (limit != null && limit >= 0 && groups.list(context.projectId()).size() >= limit) {
            throw ApiException.forbidden("Quota exceeded, too many server groups.");
        }
        ServerGroup created = groups.create(name, policy, context.projectId(), context.userId(), clock.instant());
        return Map.of("server_group", view(created, version));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, ApiVersion version, @PathVariable String id) {
        return Map.of("server_group", view(visible(context, id), version));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        groups.delete(visible(context, id).id());
        return ResponseEntity.noContent().build();
    }

    private ServerGroup visible(RpcContext context, String id) {
        return groups.find(id)
                .filter(group -> context.isAdmin() || group.projectId().equals(context.projectId()))
                .orElseThrow(() -> ApiException.notFound("Instance group " + id + " could not be found."));
    }

    private Map<String, Object> view(ServerGroup group, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", group.uuid());
        view.put("name", group.name());
        view.put("policies", List.of(group.policy()));
        view.put("members", groups.members(group.id()));
        // Exposed but never used, Nova says; always empty.
        view.put("metadata", Map.of());
        if (version.atLeast(2, 13)) {
            view.put("project_id", group.projectId());
            view.put("user_id", group.userId());
        }
        return view;
    }

    private static String name(JsonNode name) {
        if (name == null || name.isNull()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute server_group. 'name' is a required property");
        }
        if (!name.isString()
                || name.asString().isEmpty()
                || name.asString().length() > 255
                || !name.asString().strip().equals(name.asString())) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + name
                    + ". It must be 1 to 255 characters without leading or trailing spaces");
        }
        return name.asString();
    }

    private static String policy(JsonNode policies) {
        if (policies == null || policies.isNull()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute server_group. 'policies' is a required " + "property");
        }
        if (!policies.isArray()
                || policies.size() != 1
                || !policies.get(0).isString()
                || !POLICIES.contains(policies.get(0).asString())) {
            throw ApiException.badRequest("Invalid input for field/attribute policies. Value: " + policies
                    + ". It must be a list of exactly one of " + POLICIES);
        }
        return policies.get(0).asString();
    }

    private static int nonNegative(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw ApiException.badRequest(name + " param must be an integer");
        }
        return Integer.parseInt(value);
    }
}
