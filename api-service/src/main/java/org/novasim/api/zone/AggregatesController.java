package org.novasim.api.zone;

import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compute/v2.1/os-aggregates}, read only and empty: novasim has no host aggregates (a host's availability
 * zone is set where the host is configured). Clients ask anyway: {@code openstack hypervisor show} lists the
 * aggregates to say which ones the host is in, and fails on a 404.
 */
@RestController
@RequestMapping("/compute/v2.1/os-aggregates")
class AggregatesController {

    @GetMapping
    Map<String, Object> list(RpcContext context) {
        Policy.requireAdmin(context, "os_compute_api:os-aggregates:index");
        return Map.of("aggregates", List.of());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(RpcContext context, @PathVariable String id) {
        Policy.requireAdmin(context, "os_compute_api:os-aggregates:show");
        throw ApiException.notFound("Aggregate " + id + " could not be found.");
    }
}
