package org.novasim.api.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.novasim.api.instance.Instance;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.web.Links;
import org.novasim.common.instance.VmState;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /compute/v2.1/servers}: create, list, detail, show, delete. */
@RestController
@RequestMapping("/compute/v2.1/servers")
class ServersController {

    private final ServerService servers;
    private final InstanceStore instances;
    private final InstanceFaultRepository faults;

    ServersController(ServerService servers, InstanceStore instances, InstanceFaultRepository faults) {
        this.servers = servers;
        this.instances = instances;
        this.faults = faults;
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
    Map<String, Object> list(RpcContext context, @RequestParam Map<String, String> params) {
        return page(context, params, ServerViews::summary);
    }

    @GetMapping("/detail")
    Map<String, Object> detail(RpcContext context, @RequestParam Map<String, String> params) {
        return page(context, params, this::detailView);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, @PathVariable String id) {
        return Map.of("server", detailView(servers.get(context, id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        servers.delete(context, id);
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> page(RpcContext context, Map<String, String> params,
                                     Function<Instance, Map<String, Object>> view) {
        ServerListQuery query = ServerListQuery.from(params);
        List<Instance> matching = instances.list(context.projectId(), query.includesDeleted(), query.changesSince())
                .stream().filter(query::matches).toList();
        List<Instance> page = query.page(matching);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servers", page.stream().map(view).toList());
        if (query.hasMoreAfter(page, matching)) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("marker", page.get(page.size() - 1).uuid()).build().toUriString();
            body.put("servers_links", List.of(Map.of("rel", "next", "href", next)));
        }
        return body;
    }

    private Map<String, Object> detailView(Instance instance) {
        boolean mayHaveFault = instance.vmState() == VmState.ERROR || instance.isDeleted();
        return ServerViews.detail(instance, mayHaveFault
                ? faults.findFirstByInstanceUuidOrderByCreatedAtDescIdDesc(instance.uuid()).orElse(null) : null);
    }
}
