package org.novasim.api.network.neutron;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.QuotaSet;
import org.novasim.common.network.UpdateQuota;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Neutron's quotas, {@code /network/v2.0/quotas/{project}}: show (the project or an admin), update and reset
 * (admin). network-service enforces the network, subnet and port quotas; the resources it does not simulate are
 * shown with Neutron's defaults and cannot be set.
 */
@RestController
class NetworkQuotasController {

    private static final Set<String> ENFORCED = Set.of("network", "subnet", "port");
    private static final Map<String, Integer> NOT_SIMULATED = Map.of(
            "subnetpool", -1,
            "router", 10,
            "floatingip", 50,
            "security_group", 10,
            "security_group_rule", 100,
            "rbac_policy", 10);

    private final NetworkClient network;

    NetworkQuotasController(NetworkClient network) {
        this.network = network;
    }

    @GetMapping({"/network/v2.0/quotas/{projectId}", "/network/v2.0/quotas/{projectId}.json"})
    Map<String, Object> show(RpcContext context, @PathVariable String projectId) {
        return view(network.showQuota(context, projectId));
    }

    @PutMapping({"/network/v2.0/quotas/{projectId}", "/network/v2.0/quotas/{projectId}.json"})
    Map<String, Object> update(
            RpcContext context, @PathVariable String projectId, @RequestBody(required = false) byte[] body) {
        NeutronBody quota = NeutronBody.parse(body, "quota");
        for (String resource : quota.attributeNames()) {
            if (NOT_SIMULATED.containsKey(resource)) {
                throw NeutronException.badRequest("The quota of " + resource + " is not supported by novasim");
            }
            if (!ENFORCED.contains(resource)) {
                throw NeutronException.badRequest("Unrecognized attribute(s) '" + resource + "'");
            }
        }
        return view(network.updateQuota(
                context,
                new UpdateQuota(projectId, quota.integer("network"), quota.integer("subnet"), quota.integer("port"))));
    }

    @DeleteMapping({"/network/v2.0/quotas/{projectId}", "/network/v2.0/quotas/{projectId}.json"})
    ResponseEntity<Void> reset(RpcContext context, @PathVariable String projectId) {
        network.deleteQuota(context, projectId);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(QuotaSet quotas) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("network", quotas.network());
        quota.put("subnet", quotas.subnet());
        quota.put("port", quotas.port());
        quota.putAll(NOT_SIMULATED);
        return Map.of("quota", quota);
    }
}
