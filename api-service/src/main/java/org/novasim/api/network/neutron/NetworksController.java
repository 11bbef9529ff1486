package org.novasim.api.network.neutron;

import java.util.List;
import java.util.Map;
import org.novasim.common.network.ListNetworks;
import org.novasim.common.network.Network;
import org.novasim.common.network.NetworkClient;
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

/** {@code /network/v2.0/networks}: list, show, create, delete. network-service decides what the caller sees. */
@RestController
@RequestMapping("/network/v2.0/networks")
class NetworksController {

    private final NetworkClient network;

    NetworksController(NetworkClient network) {
        this.network = network;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = new ListQuery(params);
        List<Network> found = network.listNetworks(
                context,
                new ListNetworks(
                        query.single("id"),
                        query.single("name"),
                        query.project(),
                        query.bool("shared"),
                        query.bool("router:external"),
                        query.single("status")));
        return Map.of(
                "networks",
                query.apply(found.stream().map(NeutronViews::network).toList()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(
            RpcContext context, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        return Map.of("network", new ListQuery(params).select(NeutronViews.network(network.showNetwork(context, id))));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(RpcContext context, @RequestBody(required = false) byte[] body) {
        Network created = network.createNetwork(context, CreateRequests.network(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("network", NeutronViews.network(created)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        network.deleteNetwork(context, id);
        return ResponseEntity.noContent().build();
    }
}
