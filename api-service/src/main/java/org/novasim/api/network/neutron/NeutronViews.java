package org.novasim.api.network.neutron;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.Timestamps;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.Network;
import org.novasim.common.network.Port;
import org.novasim.common.network.PortFixedIp;
import org.novasim.common.network.Subnet;

/**
 * Networks, subnets and ports as Neutron's API v2.0 shows them: snake_case names, {@code tenant_id} beside
 * {@code project_id} (older clients read the one, newer the other), and the standard attributes every resource
 * carries. Features novasim does not simulate (tags, security groups, QoS, DNS) show their empty values.
 *
 * <p>{@code revision_number} is always 1: network-service keeps no revision counter, and nothing here accepts an
 * update that would need one.
 */
final class NeutronViews {

    private static final int REVISION = 1;

    private NeutronViews() {}

    static Map<String, Object> network(Network network) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", network.id());
        view.put("name", network.name());
        putProject(view, network.projectId());
        view.put("admin_state_up", network.adminStateUp());
        view.put("status", network.status());
        view.put("subnets", network.subnets());
        view.put("shared", network.shared());
        view.put("router:external", network.routerExternal());
        view.put("mtu", network.mtu());
        view.put("availability_zone_hints", List.of());
        view.put("availability_zones", List.of("nova"));
        view.put("ipv4_address_scope", null);
        view.put("ipv6_address_scope", null);
        view.put("port_security_enabled", true);
        view.put("qos_policy_id", null);
        view.put("l2_adjacency", true);
        view.put("is_default", false);
        putStandardAttributes(view, network.description(), network.createdAt(), network.updatedAt());
        return view;
    }

    static Map<String, Object> subnet(Subnet subnet) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", subnet.id());
        view.put("name", subnet.name());
        view.put("network_id", subnet.networkId());
        putProject(view, subnet.projectId());
        view.put("ip_version", subnet.ipVersion());
        view.put("cidr", subnet.cidr());
        view.put("gateway_ip", subnet.gatewayIp());
        view.put(
                "allocation_pools",
                subnet.allocationPools().stream().map(NeutronViews::pool).toList());
        view.put("enable_dhcp", subnet.enableDhcp());
        view.put("dns_nameservers", List.of());
        view.put("host_routes", List.of());
        view.put("ipv6_ra_mode", null);
        view.put("ipv6_address_mode", null);
        view.put("subnetpool_id", null);
        view.put("segment_id", null);
        view.put("service_types", List.of());
        putStandardAttributes(view, subnet.description(), subnet.createdAt(), subnet.updatedAt());
        return view;
    }

    /** Neutron's policy shows the {@code binding:} attributes to admins only. */
    static Map<String, Object> port(Port port, boolean admin) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", port.id());
        view.put("name", port.name());
        view.put("network_id", port.networkId());
        putProject(view, port.projectId());
        view.put("mac_address", port.macAddress());
        view.put("admin_state_up", port.adminStateUp());
        view.put("status", port.status());
        view.put("device_id", nullToEmpty(port.deviceId()));
        view.put("device_owner", nullToEmpty(port.deviceOwner()));
        view.put(
                "fixed_ips", port.fixedIps().stream().map(NeutronViews::fixedIp).toList());
        view.put("allowed_address_pairs", List.of());
        view.put("extra_dhcp_opts", List.of());
        view.put("security_groups", List.of());
        view.put("port_security_enabled", true);
        view.put("qos_policy_id", null);
        if (admin) {
            view.put("binding:host_id", nullToEmpty(port.bindingHostId()));
            view.put("binding:vif_type", nullToEmpty(port.bindingVifType()));
            view.put("binding:vnic_type", nullToEmpty(port.bindingVnicType()));
            view.put("binding:profile", Map.of());
            view.put("binding:vif_details", Map.of());
        }
        putStandardAttributes(view, port.description(), port.createdAt(), port.updatedAt());
        return view;
    }

    private static Map<String, Object> pool(AllocationPool pool) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("start", pool.start());
        view.put("end", pool.end());
        return view;
    }

    private static Map<String, Object> fixedIp(PortFixedIp fixedIp) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subnet_id", fixedIp.subnetId());
        view.put("ip_address", fixedIp.ipAddress());
        return view;
    }

    /** The seeded networks belong to no project; Neutron always shows a string, so they show "". */
    private static void putProject(Map<String, Object> view, String projectId) {
        view.put("tenant_id", nullToEmpty(projectId));
        view.put("project_id", nullToEmpty(projectId));
    }

    private static void putStandardAttributes(
            Map<String, Object> view, String description, Instant createdAt, Instant updatedAt) {
        view.put("description", nullToEmpty(description));
        view.put("tags", List.of());
        view.put("created_at", Timestamps.iso(createdAt));
        view.put("updated_at", Timestamps.iso(updatedAt));
        view.put("revision_number", REVISION);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
