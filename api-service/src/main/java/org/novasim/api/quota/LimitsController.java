package org.novasim.api.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compute/v2.1/limits}: the project's absolute limits and what it uses (no rate limits, as Nova today). */
@RestController
class LimitsController {

    private final QuotaService quotas;

    LimitsController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/compute/v2.1/limits")
    Map<String, Object> limits(
            RpcContext context, @RequestParam(name = "tenant_id", required = false) String tenantId) {
        String projectId = context.projectId();
        if (tenantId != null && !tenantId.equals(projectId)) {
            Policy.requireAdmin(context, "os_compute_api:limits:other_project");
            projectId = tenantId;
        }
        Map<String, Integer> limits = quotas.limits(projectId);
        QuotaService.Usage usage = quotas.usage(projectId);
        Map<String, Object> absolute = new LinkedHashMap<>();
        absolute.put("maxImageMeta", limits.get("metadata_items"));
        absolute.put("maxPersonality", limits.get("injected_files"));
        absolute.put("maxPersonalitySize", limits.get("injected_file_content_bytes"));
        absolute.put("maxSecurityGroupRules", limits.get("security_group_rules"));
        absolute.put("maxSecurityGroups", limits.get("security_groups"));
        absolute.put("maxServerGroupMembers", limits.get("server_group_members"));
        absolute.put("maxServerGroups", limits.get("server_groups"));
        absolute.put("maxServerMeta", limits.get("metadata_items"));
        absolute.put("maxTotalCores", limits.get("cores"));
        absolute.put("maxTotalFloatingIps", limits.get("floating_ips"));
        absolute.put("maxTotalInstances", limits.get("instances"));
        absolute.put("maxTotalKeypairs", limits.get("key_pairs"));
        absolute.put("maxTotalRAMSize", limits.get("ram"));
        absolute.put("totalCoresUsed", usage.cores());
        absolute.put("totalFloatingIpsUsed", 0);
        absolute.put("totalInstancesUsed", usage.instances());
        absolute.put("totalRAMUsed", usage.ram());
        absolute.put("totalSecurityGroupsUsed", 0);
        absolute.put("totalServerGroupsUsed", 0);
        return Map.of("limits", Map.of("rate", List.of(), "absolute", absolute));
    }
}
