package org.novasim.api.network.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.CreateNetwork;
import org.novasim.common.network.CreatePort;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.PortFixedIp;

class CreateRequestsTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNetworkTakesNeutronsAttributesAndTheirLooseTypes() {
        CreateNetwork network = CreateRequests.network(json("""
                {"network": {"name": "n", "shared": "True", "router:external": 0, "admin_state_up": false,
                 "mtu": "1400", "tenant_id": "p1", "port_security_enabled": true}}"""));

        assertThat(network).isEqualTo(new CreateNetwork("n", "p1", true, false, false, 1400, null));
    }

    @Test
    void aSubnetTellsAnExplicitNullGatewayFromAnAbsentOne() {
        CreateSubnet none = CreateRequests.subnet(json("""
                {"subnet": {"network_id": "n", "cidr": "10.0.0.0/24", "gateway_ip": null}}"""));
        CreateSubnet absent = CreateRequests.subnet(json("""
                {"subnet": {"network_id": "n", "cidr": "10.0.0.0/24"}}"""));
        CreateSubnet given = CreateRequests.subnet(json("""
                {"subnet": {"network_id": "n", "cidr": "10.0.0.0/24", "gateway_ip": "10.0.0.254", "ip_version": 4,
                 "allocation_pools": [{"start": "10.0.0.10", "end": "10.0.0.20"}], "dns_nameservers": []}}"""));

        assertThat(none.noGateway()).isTrue();
        assertThat(none.gatewayIp()).isNull();
        assertThat(absent.noGateway()).isFalse();
        assertThat(given.gatewayIp()).isEqualTo("10.0.0.254");
        assertThat(given.ipVersion()).isEqualTo(4);
        assertThat(given.allocationPools()).containsExactly(new AllocationPool("10.0.0.10", "10.0.0.20"));
    }

    @Test
    void aPortTakesFixedIpsBySubnetOrAddress() {
        CreatePort port = CreateRequests.port(json("""
                {"port": {"network_id": "n", "name": "p",
                 "fixed_ips": [{"subnet_id": "s"}, {"ip_address": "10.0.0.9"}]}}"""));

        assertThat(port.fixedIps()).containsExactly(new PortFixedIp("s", null), new PortFixedIp(null, "10.0.0.9"));
    }

    @Test
    void mistakesAreNeutronsBadRequestsNamingTheAttribute() {
        assertRefused(CreateRequests::network, "", "HTTPBadRequest", "Resource body required");
        assertRefused(CreateRequests::network, "{\"network\": ", "MalformedRequestBody", "Malformed");
        assertRefused(CreateRequests::network, "[1]", "HTTPBadRequest", "Unable to find 'network'");
        assertRefused(CreateRequests::network, "{\"network\": []}", "HTTPBadRequest", "Unable to find 'network'");
        assertRefused(CreateRequests::network, "{\"network\": {\"shared\": \"yes\"}}", "HTTPBadRequest", "shared");
        assertRefused(CreateRequests::network, "{\"network\": {\"mtu\": 1.5}}", "HTTPBadRequest", "mtu");
        assertRefused(
                CreateRequests::network,
                "{\"network\": {\"project_id\": \"a\", \"tenant_id\": \"b\"}}",
                "HTTPBadRequest",
                "do not match");
        assertRefused(
                CreateRequests::subnet, "{\"subnet\": {\"cidr\": \"10.0.0.0/24\"}}", "HTTPBadRequest", "'network_id'");
        assertRefused(CreateRequests::subnet, "{\"subnet\": {\"network_id\": \"n\"}}", "HTTPBadRequest", "cidr");
        assertRefused(
                CreateRequests::subnet,
                "{\"subnet\": {\"network_id\": \"n\", \"cidr\": \"c\", \"ip_version\": 5}}",
                "HTTPBadRequest",
                "ip_version");
        assertRefused(
                CreateRequests::subnet,
                "{\"subnet\": {\"network_id\": \"n\", \"cidr\": \"c\", \"allocation_pools\": [{\"start\": \"x\"}]}}",
                "HTTPBadRequest",
                "allocation_pools");
        assertRefused(
                CreateRequests::subnet,
                "{\"subnet\": {\"network_id\": \"n\", \"cidr\": \"c\", \"host_routes\": [{\"nexthop\": \"x\"}]}}",
                "HTTPBadRequest",
                "host_routes");
        assertRefused(
                CreateRequests::port,
                "{\"port\": {\"network_id\": \"n\", \"fixed_ips\": [{}]}}",
                "HTTPBadRequest",
                "fixed_ips");
        assertRefused(
                CreateRequests::port,
                "{\"port\": {\"network_id\": \"n\", \"device_id\": \"vm\"}}",
                "HTTPBadRequest",
                "device_id");
    }

    private static void assertRefused(Function<byte[], ?> parser, String body, String type, String messagePart) {
        assertThatThrownBy(() -> parser.apply(json(body)))
                .isInstanceOfSatisfying(NeutronException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo(type);
                })
                .hasMessageContaining(messagePart);
    }
}
