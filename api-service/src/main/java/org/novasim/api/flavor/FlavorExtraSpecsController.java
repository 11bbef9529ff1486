package org.novasim.api.flavor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /compute/v2.1/flavors/{id}/os-extra_specs}: readable by all who see the flavor, changed by admins. */
@RestController
@RequestMapping("/compute/v2.1/flavors/{id}/os-extra_specs")
class FlavorExtraSpecsController {

    private final FlavorsController flavors;
    private final ExtraSpecsStore specs;

    FlavorExtraSpecsController(FlavorsController flavors, ExtraSpecsStore specs) {
        this.flavors = flavors;
        this.specs = specs;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @PathVariable String id) {
        flavors.find(context, id);
        return Map.of("extra_specs", specs.of(id));
    }

    @GetMapping("/{key}")
    Map<String, Object> show(RpcContext context, @PathVariable String id, @PathVariable String key) {
        flavors.find(context, id);
        String value = specs.of(id).get(key);
        if (value == null) {
            throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
        }
        return Map.of(key, value);
    }

    @PostMapping
    Map<String, Object> create(RpcContext context, @PathVariable String id, @RequestBody JsonNode body) {
        Policy.requireAdmin(context, "os_compute_api:os-flavor-extra-specs:create");
        flavors.find(context, id);
        Map<String, String> items = stringMap(body == null ? null : body.get("extra_specs"));
        specs.merge(id, items);
        return Map.of("extra_specs", items);
    }

    @PutMapping("/{key}")
    Map<String, Object> update(
            RpcContext context, @PathVariable String id, @PathVariable String key, @RequestBody JsonNode body) {
        Policy.requireAdmin(context, "os_compute_api:os-flavor-extra-specs:update");
        flavors.find(context, id);
        Map<String, String> item = stringMap(body);
        if (item.size() != 1 || !item.containsKey(key)) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        specs.merge(id, item);
        return Map.copyOf(item);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id, @PathVariable String key) {
        Policy.requireAdmin(context, "os_compute_api:os-flavor-extra-specs:delete");
        flavors.find(context, id);
        if (!specs.delete(id, key)) {
            throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
        }
        return ResponseEntity.ok().build();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute extra_specs. It must be an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().isEmpty()
                    || entry.getKey().length() > 255
                    || !entry.getValue().isValueNode()
                    || entry.getValue().asString().length() > 255) {
                throw ApiException.badRequest("Invalid input for field/attribute extra_specs. Keys and values must "
                        + "be strings of 1 to 255 characters");
            }
            map.put(entry.getKey(), entry.getValue().asString());
        }
        return map;
    }
}
