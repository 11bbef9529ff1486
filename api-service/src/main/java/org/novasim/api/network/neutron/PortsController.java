package org.novasim.api.network.neutron;

import java.util.List;
import java.util.Map;
import org.novasim.common.network.ListPorts;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.Port;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /network/v2.0/ports}: list (e.g. {@code ?device_id=<server>}, as {@code openstack port list --server}
 * asks), show, create (a port to boot a server with later) and delete.
 */
@RestController
@RequestMapping("/network/v2.0/ports")
class PortsController {

    private final NetworkClient network;

    PortsController(NetworkClient network) {
        this.network = network;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = new ListQuery(params);
        List<Port> found = network.listPorts(
                context,
                new ListPorts(
                        query.single("id"),
                        query.single("name"),
                        query.single("network_id"),
                        query.single("device_id"),
                        query.single("device_owner"),
                        query.project(),
                        query.single("mac_address"),
                        query.single("status")));
        return Map.of(
                "ports",
                query.apply(found.stream()
                        .map(port -> NeutronViews.port(port, context.isAdmin()))
                        .toList()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(
            RpcContext context, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        return Map.of(
                "port",
                new ListQuery(params).select(NeutronViews.port(network.showPort(context, id), context.isAdmin())));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(RpcContext context, @RequestBody(required = false) byte[] body) {
        Port created = network.createPort(context, CreateRequests.port(body));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("port", NeutronViews.port(created, context.isAdmin())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        network.deletePort(context, id);
        return ResponseEntity.noContent().build();
    }
}
