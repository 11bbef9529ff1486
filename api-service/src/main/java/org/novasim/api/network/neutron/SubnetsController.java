package org.novasim.api.network.neutron;

import java.util.List;
import java.util.Map;
import org.novasim.common.network.ListSubnets;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.Subnet;
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

/** {@code /network/v2.0/subnets}: list, show, create, delete. */
@RestController
@RequestMapping("/network/v2.0/subnets")
class SubnetsController {

    private final NetworkClient network;

    SubnetsController(NetworkClient network) {
        this.network = network;
    }

    @GetMapping
    Map<String, Object> list(RpcContext context, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = new ListQuery(params);
        List<Subnet> found = network.listSubnets(
                context,
                new ListSubnets(
                        query.single("id"),
                        query.single("name"),
                        query.single("network_id"),
                        query.project(),
                        query.integer("ip_version"),
                        query.single("cidr")));
        return Map.of(
                "subnets", query.apply(found.stream().map(NeutronViews::subnet).toList()));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(
            RpcContext context, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        return Map.of("subnet", new ListQuery(params).select(NeutronViews.subnet(network.showSubnet(context, id))));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(RpcContext context, @RequestBody(required = false) byte[] body) {
        Subnet created = network.createSubnet(context, CreateRequests.subnet(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("subnet", NeutronViews.subnet(created)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(RpcContext context, @PathVariable String id) {
        network.deleteSubnet(context, id);
        return ResponseEntity.noContent().build();
    }
}
