package org.novasim.api.network.neutron;

import java.util.ArrayList;
import java.util.List;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.CreateNetwork;
import org.novasim.common.network.CreatePort;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.PortFixedIp;
import tools.jackson.databind.JsonNode;

/**
 * Neutron's create bodies turned into network-service's requests. Only the shape is checked here (types, required
 * attributes); what the values mean (a CIDR that is not one, an overlapping subnet, a pool outside the subnet) is
 * network-service's to judge, and comes back as its InvalidInput.
 */
final class CreateRequests {

    private CreateRequests() {}

    static CreateNetwork network(byte[] body) {
        NeutronBody network = NeutronBody.parse(body, "network");
        return new CreateNetwork(
                network.string("name"),
                network.projectId(),
                network.bool("shared"),
                network.bool("router:external"),
                network.bool("admin_state_up"),
                network.integer("mtu"),
                network.string("description"));
    }

    static CreateSubnet subnet(byte[] body) {
        NeutronBody subnet = NeutronBody.parse(body, "subnet");
        // No DHCP agent, DNS or router is simulated, and there are no subnet pools: refuse rather than pretend.
        subnet.refuseUnsupported(
                "subnet",
                "dns_nameservers",
                "host_routes",
                "subnetpool_id",
                "prefixlen",
                "ipv6_ra_mode",
                "ipv6_address_mode",
                "segment_id",
                "service_types");
        String networkId = subnet.requiredString("network_id");
        String cidr = subnet.string("cidr");
        if (cidr == null) {
            throw NeutronException.badRequest("A cidr must be specified in the absence of a subnet pool");
        }
        Integer ipVersion = subnet.integer("ip_version");
        if (ipVersion != null && ipVersion != 4 && ipVersion != 6) {
            throw NeutronException.invalidAttribute("ip_version", ipVersion + " is not in [4, 6]");
        }
        return new CreateSubnet(
                networkId,
                subnet.string("name"),
                subnet.projectId(),
                ipVersion,
                cidr,
                subnet.string("gateway_ip"),
                subnet.isNull("gateway_ip"),
                allocationPools(subnet),
                subnet.bool("enable_dhcp"),
                subnet.string("description"));
    }

    static CreatePort port(byte[] body) {
        NeutronBody port = NeutronBody.parse(body, "port");
        // A port is bound by booting a server with it; its MAC is always generated.
        port.refuseUnsupported(
                "port", "mac_address", "device_id", "device_owner", "allowed_address_pairs", "binding:host_id");
        return new CreatePort(
                port.requiredString("network_id"),
                port.string("name"),
                port.projectId(),
                fixedIps(port),
                port.bool("admin_state_up"),
                port.string("description"));
    }

    private static List<AllocationPool> allocationPools(NeutronBody subnet) {
        JsonNode pools = subnet.node("allocation_pools");
        if (pools == null) {
            return List.of();
        }
        if (!pools.isArray()) {
            throw NeutronException.invalidAttribute(
                    "allocation_pools", "Invalid data format for IP pool: '" + pools + "'");
        }
        List<AllocationPool> result = new ArrayList<>();
        for (JsonNode pool : pools) {
            JsonNode start = pool.get("start");
            JsonNode end = pool.get("end");
            if (!pool.isObject() || start == null || end == null || !start.isString() || !end.isString()) {
                throw NeutronException.invalidAttribute(
                        "allocation_pools", "Invalid data format for IP pool: '" + pool + "'");
            }
            result.add(new AllocationPool(start.asString(), end.asString()));
        }
        return result;
    }

    private static List<PortFixedIp> fixedIps(NeutronBody port) {
        JsonNode fixedIps = port.node("fixed_ips");
        if (fixedIps == null) {
            return List.of();
        }
        if (!fixedIps.isArray()) {
            throw NeutronException.invalidAttribute(
                    "fixed_ips", "Invalid data format for fixed IP: '" + fixedIps + "'");
        }
        List<PortFixedIp> result = new ArrayList<>();
        for (JsonNode fixedIp : fixedIps) {
            String subnetId = textOrNull(fixedIp, "subnet_id");
            String address = textOrNull(fixedIp, "ip_address");
            if (!fixedIp.isObject() || (subnetId == null && address == null)) {
                throw NeutronException.invalidAttribute(
                        "fixed_ips", "Invalid data format for fixed IP: '" + fixedIp + "'");
            }
            result.add(new PortFixedIp(subnetId, address));
        }
        return result;
    }

    private static String textOrNull(JsonNode object, String field) {
        JsonNode value = object.isObject() ? object.get(field) : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw NeutronException.invalidAttribute("fixed_ips", "'" + value + "' is not a valid string");
        }
        return value.asString();
    }
}
