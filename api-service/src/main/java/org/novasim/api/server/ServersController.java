package org.novasim.api.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceListing;
import org.novasim.api.instance.MetadataStore;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Links;
import org.novasim.api.web.WebLimits;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /compute/v2.1/servers}: create, list, detail, show, rename, delete. */
@RestController
@RequestMapping("/compute/v2.1/servers")
class ServersController {

    private final ServerService servers;
    private final MetadataStore metadata;
    private final ServerDeletion deletion;
    private final ServerDetails details;
    private final InstanceListing listing;
    private final WebLimits limits;

    ServersController(
            ServerService servers,
            MetadataStore metadata,
            ServerDeletion deletion,
            ServerDetails details,
            InstanceListing listing,
            WebLimits limits) {
        this.listing = listing;
        this.limits = limits;
        this.servers = servers;
        this.deletion = deletion;
        this.details = details;
        this.metadata = metadata;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(RpcContext context, @RequestBody JsonNode body) {
        CreateServerRequest request = CreateServerRequest.parse(body);
        ServerService.Created created = servers.create(context, request);
        if (request.returnReservationId()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reservation_id", created.reservationId()));
        }
        Instance first = created.instances().get(0);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("id", first.uuid());
        server.put("links", Links.compute("servers", first.uuid()));
        server.put("OS-DCF:diskConfig", "MANUAL");
        server.put("security_groups", List.of(Map.of("name", "default")));
        server.put("adminPass", created.adminPass());
        URI location = URI.create(Links.root() + "/compute/v2.1/servers/" + first.uuid());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(Map.of("server", server));
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, ApiVersion version, @RequestParam Map<String, String> params) {
        ServerListQuery.Page page = ServerListQuery.from(params, context, version, limits.regexSteps())
                .fetch(listing);
        return body(page.servers().stream().map(ServerViews::summary).toList(), page);
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context, ApiVersion version, @RequestParam Map<String, String> params) {
        ServerListQuery.Page page = ServerListQuery.from(params, context, version, limits.regexSteps())
                .fetch(listing);
        Map<String, Map<String, String>> metadataOfPage =
                metadata.of(page.servers().stream().map(Instance::uuid).toList());
        return body(
                page.servers().stream()
                        .map(instance -> detailView(
                                instance, metadataOfPage.getOrDefault(instance.uuid(), Map.of()), context, version))
                        .toList(),
                page);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, ApiVersion version, @PathVariable String id) {
        Instance instance = servers.get(context, id);
        return Map.of("server", detailView(instance, metadata.of(instance.uuid()), context, version));
    }

    /** Rename (2.1 also accepts the access addresses and disk config, which novasim does not keep). */
    @PutMapping("/{id}")
    Map<String, Object> update(
            RpcContext context, ApiVersion version, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode server = body == null ? null : body.get("server");
        if (server == null || !server.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute server. 'server' is a required property");
        }
        Instance instance = servers.get(context, id);
        JsonNode name = server.get("name");
        if (name != null) {
            if (!name.isString()) {
                throw ApiException.badRequest(
                        "Invalid input for field/attribute name. Value: " + name + ". It is not of type 'string'");
            }
            instance = servers.rename(context, id, ServerName.check("name", name.asString()));
        }
        return Map.of("server", detailView(instance, metadata.of(instance.uuid()), context, version));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        deletion.delete(context, id);
        return ResponseEntity.noContent().build();
    }

    /** The page, with Nova's link to the next one when more follow. */
    private static Map<String, Object> body(List<Map<String, Object>> views, ServerListQuery.Page page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", views);
        if (page.more() && !page.servers().isEmpty()) {
            List<Instance> servers = page.servers();
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("marker", servers.get(servers.size() - 1).uuid())
                    .build()
                    .toUriString();
            body.put("servers_links", List.of(Map.of("rel", "next", "href", next)));
        }
        return body;
    }

    private Map<String, Object> detailView(
            Instance instance, Map<String, String> metadataOfInstance, RpcContext context, ApiVersion version) {
        return details.of(instance, metadataOfInstance, context, version);
    }
}
