package org.novasim.api.server;

import java.util.HashMap;
import java.util.Map;
import org.novasim.api.instance.MetadataStore;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.web.ApiException;
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

/** {@code /compute/v2.1/servers/{id}/metadata}: list, replace, merge; one item: show, set, delete. */
@RestController
@RequestMapping("/compute/v2.1/servers/{id}/metadata")
class ServerMetadataController {

    private final ServerService servers;
    private final MetadataStore metadata;
    private final QuotaService quotas;

    ServerMetadataController(ServerService servers, MetadataStore metadata, QuotaService quotas) {
        this.servers = servers;
        this.metadata = metadata;
        this.quotas = quotas;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @PathVariable String id) {
        servers.get(context, id);
        return Map.of("metadata", metadata.of(id));
    }

    @PutMapping
    Map<String, Object> replace(RpcContext context, @PathVariable String id, @RequestBody JsonNode body) {
        servers.get(context, id);
        Map<String, String> items = Metadata.parse(required(body, "metadata"), "metadata");
        Metadata.checkCount(items.size(), quotas.limits(context.projectId()).get("metadata_items"));
        metadata.replace(id, items);
        return Map.of("metadata", metadata.of(id));
    }

    @PostMapping
    Map<String, Object> merge(RpcContext context, @PathVariable String id, @RequestBody JsonNode body) {
        servers.get(context, id);
        Map<String, String> items = Metadata.parse(required(body, "metadata"), "metadata");
        Map<String, String> merged = new HashMap<>(metadata.of(id));
        merged.putAll(items);
        Metadata.checkCount(merged.size(), quotas.limits(context.projectId()).get("metadata_items"));
        metadata.merge(id, items);
        return Map.of("metadata", metadata.of(id));
    }

    @GetMapping("/{key}")
    Map<String, Object> show(RpcContext context, @PathVariable String id, @PathVariable String key) {
        servers.get(context, id);
        String value = metadata.of(id).get(key);
        if (value == null) {
            throw ApiException.notFound("Metadata item was not found");
        }
        return Map.of("meta", Map.of(key, value));
    }

    @PutMapping("/{key}")
    Map<String, Object> set(
            RpcContext context, @PathVariable String id, @PathVariable String key, @RequestBody JsonNode body) {
        servers.get(context, id);
        Map<String, String> item = Metadata.parse(required(body, "meta"), "meta");
        if (item.size() != 1 || !item.containsKey(key)) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        Map<String, String> merged = new HashMap<>(metadata.of(id));
        merged.putAll(item);
        Metadata.checkCount(merged.size(), quotas.limits(context.projectId()).get("metadata_items"));
        metadata.merge(id, item);
        return Map.of("meta", item);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id, @PathVariable String key) {
        servers.get(context, id);
        if (!metadata.delete(id, key)) {
            throw ApiException.notFound("Metadata item was not found");
        }
        return ResponseEntity.noContent().build();
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute " + field + ". '" + field + "' is a required property");
        }
        return value;
    }
}
