package org.novasim.api.network.neutron;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Neutron's quota show, {@code /network/v2.0/quotas/{project}}: Neutron's default limits, which clients read
 * (e.g. {@code openstack quota show}). novasim reports them but does not enforce network quotas.
 */
@RestController
class NetworkQuotasController {

    private static final Map<String, Integer> NEUTRON_DEFAULTS = neutronDefaults();

    @GetMapping({"/network/v2.0/quotas/{projectId}", "/network/v2.0/quotas/{projectId}.json"})
    Map<String, Object> show(RpcContext context, @PathVariable String projectId) {
        mayRead(context, projectId);
        return Map.of("quota", NEUTRON_DEFAULTS);
    }

    private static void mayRead(RpcContext context, String projectId) {
        if (!context.isAdmin() && !projectId.equals(context.projectId())) {
            throw new NeutronException(
                    HttpStatus.FORBIDDEN, "PolicyNotAuthorized", "(rule:get_quota) is disallowed by policy");
        }
    }

    private static Map<String, Integer> neutronDefaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("network", 100);
        defaults.put("subnet", 100);
        defaults.put("subnetpool", -1);
        defaults.put("port", 500);
        defaults.put("router", 10);
        defaults.put("floatingip", 50);
        defaults.put("security_group", 10);
        defaults.put("security_group_rule", 100);
        defaults.put("rbac_policy", 10);
        return Collections.unmodifiableMap(defaults);
    }
}
