package org.novasim.api.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.instance.Instance;
import org.novasim.api.server.ServerService;
import org.novasim.api.web.ApiException;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.Vif;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compute/v2.1/servers/{id}/ips} and {@code .../ips/{network_label}}: a server's addresses by network
 * name, as Nova's ips API shows them (version and address only, unlike {@code addresses} on the server). This is
 * the compute API, so its errors stay in Nova's format. The addresses come from the instance's network info,
 * which compute recorded when it allocated them; network-service is not asked.
 */
@RestController
@RequestMapping("/compute/v2.1/servers/{serverId}/ips")
class ServerIpsController {

    private final ServerService servers;

    ServerIpsController(ServerService servers) {
        this.servers = servers;
    }

    @GetMapping
    Map<String, Object> index(RpcContext context, @PathVariable String serverId) {
        return Map.of("addresses", addresses(servers.get(context, serverId)));
    }

    @GetMapping("/{label}")
    Map<String, Object> show(RpcContext context, @PathVariable String serverId, @PathVariable String label) {
        List<Map<String, Object>> addresses =
                addresses(servers.get(context, serverId)).get(label);
        if (addresses == null) {
            throw ApiException.notFound("Instance is not a member of specified network");
        }
        return Map.of(label, addresses);
    }

    private static Map<String, List<Map<String, Object>>> addresses(Instance instance) {
        Map<String, List<Map<String, Object>>> byNetwork = new LinkedHashMap<>();
        if (instance.networkInfo() == null) {
            return byNetwork;
        }
        for (Vif vif : instance.networkInfo().vifs()) {
            List<Map<String, Object>> addresses =
                    byNetwork.computeIfAbsent(vif.networkName(), name -> new ArrayList<>());
            for (FixedIp ip : vif.fixedIps()) {
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("version", ip.version());
                address.put("addr", ip.address());
                addresses.add(address);
            }
        }
        return byNetwork;
    }
}
