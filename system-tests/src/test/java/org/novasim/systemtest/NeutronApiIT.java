package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Neutron-shaped REST API on api-service, through HTTP, RabbitMQ and network-service: field names, filters,
 * status codes, Neutron's error format, and what a project member may see and do.
 */
class NeutronApiIT {

    static final String PRIVATE = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a01";
    static final String PUBLIC = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a02";
    static final String PRIVATE_SUBNET = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4b01";
    static Cloud cloud;
    static ApiClient admin;
    static ApiClient demo;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
        admin = cloud.client();
        demo = admin.as("demo", "demo", "demo");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void seededNetworksCarryNeutronsFields() {
        ApiClient.Response response = admin.get("/network/v2.0/networks?name=private");

        assertThat(response.status()).isEqualTo(200);
        JsonNode networks = response.body().get("networks");
        assertThat(networks).hasSize(1);
        JsonNode network = networks.get(0);
        assertThat(network.get("id").asString()).isEqualTo(PRIVATE);
        assertThat(network.get("subnets").get(0).asString()).isEqualTo(PRIVATE_SUBNET);
        assertThat(network.get("shared").asBoolean()).isTrue();
        assertThat(network.get("router:external").asBoolean()).isFalse();
        assertThat(network.get("admin_state_up").asBoolean()).isTrue();
        assertThat(network.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        assertThat(network.has("tenant_id") && network.has("project_id")).isTrue();
        assertThat(network.get("revision_number").asInt()).isEqualTo(1);
        assertThat(network.get("tags").isArray()).isTrue();
        assertThat(network.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        JsonNode subnet =
                admin.get("/network/v2.0/subnets/" + PRIVATE_SUBNET).body().get("subnet");
        assertThat(subnet.get("name").asString()).isEqualTo("private-subnet");
        assertThat(subnet.get("network_id").asString()).isEqualTo(PRIVATE);
        assertThat(subnet.get("cidr").asString()).isEqualTo("10.0.0.0/24");
        assertThat(subnet.get("gateway_ip").asString()).isEqualTo("10.0.0.1");
        assertThat(subnet.get("ip_version").asInt()).isEqualTo(4);
        assertThat(subnet.get("allocation_pools").get(0).get("start").asString())
                .isEqualTo("10.0.0.2");
        assertThat(subnet.get("allocation_pools").get(0).get("end").asString()).isEqualTo("10.0.0.254");
        assertThat(subnet.get("enable_dhcp").asBoolean()).isTrue();
    }

    @Test
    void listFiltersMatchNeutrons() {
        assertThat(names("/network/v2.0/networks?router:external=True"))
                .contains("public")
                .doesNotContain("private");
        assertThat(names("/network/v2.0/networks?router:external=false&shared=true"))
                .contains("private")
                .doesNotContain("public");
        assertThat(names("/network/v2.0/networks?id=" + PRIVATE + "&id=" + PUBLIC))
                .containsExactlyInAnyOrder("private", "public");
        assertThat(names("/network/v2.0/networks?status=DOWN")).isEmpty();
        assertThat(names("/network/v2.0/networks?name=nothing-called-this")).isEmpty();
        assertThat(names("/network/v2.0/subnets?network_id=" + PUBLIC)).containsExactly("public-subnet");
        assertThat(names("/network/v2.0/subnets?ip_version=4&cidr=10.0.0.0/24")).containsExactly("private-subnet");
        assertThat(names("/network/v2.0/subnets?enable_dhcp=false&network_id=" + PUBLIC))
                .containsExactly("public-subnet");

        JsonNode selected = admin.get("/network/v2.0/networks?name=public&fields=id&fields=name")
                .body()
                .get("networks")
                .get(0);
        assertThat(selected.propertyNames()).containsExactly("id", "name");
        assertThat(admin.get("/network/v2.0/networks/" + PUBLIC + "?fields=id,mtu")
                        .body()
                        .get("network")
                        .propertyNames())
                .containsExactly("id", "mtu");

        assertNeutronError(admin.get("/network/v2.0/networks?shared=maybe"), 400, "InvalidInput", "boolean");
        assertNeutronError(admin.get("/network/v2.0/subnets?ip_version=four"), 400, "InvalidInput", "integer");
    }

    @Test
    void networkAndSubnetAreCreatedAndDeletedWithNeutronsStatusCodes() {
        ApiClient.Response created = admin.post("/network/v2.0/networks", """
                {"network": {"name": "made-here", "admin_state_up": true, "mtu": 1400, "description": "d"}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode network = created.body().get("network");
        String networkId = network.get("id").asString();
        assertThat(network.get("name").asString()).isEqualTo("made-here");
        assertThat(network.get("mtu").asInt()).isEqualTo(1400);
        assertThat(network.get("subnets")).isEmpty();
        assertThat(network.get("shared").asBoolean()).isFalse();

        ApiClient.Response subnetCreated = admin.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "name": "made-subnet", "cidr": "10.40.0.0/24", "ip_version": 4,
                 "gateway_ip": null, "enable_dhcp": false,
                 "allocation_pools": [{"start": "10.40.0.10", "end": "10.40.0.20"}]}}""".formatted(networkId));
        assertThat(subnetCreated.status()).as(subnetCreated.raw().body()).isEqualTo(201);
        JsonNode subnet = subnetCreated.body().get("subnet");
        assertThat(subnet.get("gateway_ip").isNull()).isTrue();
        assertThat(subnet.get("enable_dhcp").asBoolean()).isFalse();
        assertThat(subnet.get("allocation_pools").get(0).get("start").asString())
                .isEqualTo("10.40.0.10");
        assertThat(subnet.get("allocation_pools").get(0).get("end").asString()).isEqualTo("10.40.0.20");

        ApiClient.Response v6 = admin.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "cidr": "fd00:40::/64", "ip_version": 6}}""".formatted(networkId));
        assertThat(v6.status()).as(v6.raw().body()).isEqualTo(201);
        assertThat(v6.body().get("subnet").get("gateway_ip").asString()).isEqualTo("fd00:40::1");

        assertThat(admin.get("/network/v2.0/networks/" + networkId)
                        .body()
                        .get("network")
                        .get("subnets")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(
                        subnet.get("id").asString(),
                        v6.body().get("subnet").get("id").asString());
        assertThat(admin.delete("/network/v2.0/subnets/" + subnet.get("id").asString())
                        .status())
                .isEqualTo(204);
        assertThat(admin.delete("/network/v2.0/networks/" + networkId).status()).isEqualTo(204);
        assertNeutronError(
                admin.get("/network/v2.0/networks/" + networkId),
                404,
                "NetworkNotFound",
                "Network " + networkId + " could not be found.");
        assertNeutronError(
                admin.get("/network/v2.0/subnets/"
                        + v6.body().get("subnet").get("id").asString()),
                404,
                "SubnetNotFound",
                "could not be found");
    }

    @Test
    void unknownIdsAndPathsAreCleanNeutronErrors() {
        // The CLI resolves a name by trying it as an id first; that must be a 404, then it lists by name.
        assertNeutronError(
                admin.get("/network/v2.0/networks/private"),
                404,
                "NetworkNotFound",
                "Network private could not be found.");
        assertNeutronError(admin.get("/network/v2.0/subnets/" + UUID.randomUUID()), 404, "SubnetNotFound", "");
        assertNeutronError(
                admin.get("/network/v2.0/ports/nothing"), 404, "PortNotFound", "Port nothing could not be found.");
        assertNeutronError(admin.delete("/network/v2.0/networks/" + UUID.randomUUID()), 404, "NetworkNotFound", "");
        assertNeutronError(admin.delete("/network/v2.0/ports/" + UUID.randomUUID()), 404, "PortNotFound", "");
        assertNeutronError(admin.get("/network/v2.0/routers"), 404, "HTTPNotFound", "");
        assertNeutronError(
                admin.send("PUT", "/network/v2.0/networks/" + PRIVATE, "{\"network\": {}}"),
                405,
                "HTTPMethodNotAllowed",
                "PUT");
        // The compute API next door keeps Nova's format.
        ApiClient.Response compute = admin.get("/compute/v2.1/servers/" + UUID.randomUUID() + "/ips");
        assertThat(compute.status()).isEqualTo(404);
        assertThat(compute.body().get("itemNotFound").get("code").asInt()).isEqualTo(404);
    }

    @Test
    void badInputIsA400InNeutronsFormat() {
        assertNeutronError(
                admin.post("/network/v2.0/networks", "{\"network\": {\"name\": "),
                400,
                "MalformedRequestBody",
                "Malformed");
        assertNeutronError(admin.post("/network/v2.0/networks", ""), 400, "HTTPBadRequest", "body required");
        assertNeutronError(
                admin.post("/network/v2.0/networks", "{\"net\": {}}"),
                400,
                "HTTPBadRequest",
                "Unable to find 'network' in request body");
        assertNeutronError(
                admin.post("/network/v2.0/networks", "{\"network\": {\"name\": 42}}"), 400, "HTTPBadRequest", "name");
        assertNeutronError(
                admin.post("/network/v2.0/networks", "{\"network\": {\"admin_state_up\": \"maybe\"}}"),
                400,
                "HTTPBadRequest",
                "admin_state_up");
        assertNeutronError(
                admin.post("/network/v2.0/networks", "{\"network\": {\"mtu\": 20}}"), 400, "InvalidInput", "mtu");
        assertNeutronError(
                admin.post("/network/v2.0/subnets", "{\"subnet\": {\"cidr\": \"10.1.0.0/24\"}}"),
                400,
                "HTTPBadRequest",
                "network_id");

        String networkId = createNetwork("bad-input", "10.41.0.0/24");
        assertNeutronError(subnet(networkId, "\"cidr\": \"10.41.300.0/24\""), 400, "InvalidInput", "");
        assertNeutronError(subnet(networkId, "\"cidr\": \"not-a-cidr\""), 400, "InvalidInput", "");
        assertNeutronError(subnet(networkId, "\"cidr\": \"10.41.0.128/25\""), 400, "InvalidInput", "overlaps");
        assertNeutronError(
                subnet(networkId, "\"cidr\": \"10.42.0.0/24\", \"ip_version\": 5"),
                400,
                "HTTPBadRequest",
                "ip_version");
        assertNeutronError(subnet(networkId, "\"cidr\": \"10.42.0.0/24\", \"ip_version\": 6"), 400, "InvalidInput", "");
        assertNeutronError(
                subnet(networkId, "\"cidr\": \"10.42.0.0/24\", \"gateway_ip\": \"10.99.0.1\""),
                400,
                "InvalidInput",
                "Gateway");
        assertNeutronError(
                subnet(networkId, "\"cidr\": \"10.42.0.0/24\", \"allocation_pools\": \"all\""),
                400,
                "HTTPBadRequest",
                "allocation_pools");
        assertNeutronError(
                subnet(networkId, "\"cidr\": \"10.42.0.0/24\", \"dns_nameservers\": [\"8.8.8.8\"]"),
                400,
                "HTTPBadRequest",
                "dns_nameservers");
        assertNeutronError(
                subnet(UUID.randomUUID().toString(), "\"cidr\": \"10.42.0.0/24\""), 404, "NetworkNotFound", "");
        assertThat(names("/network/v2.0/subnets?network_id=" + networkId)).hasSize(1);
    }

    @Test
    void aNetworkWithAPortIsInUseUntilThePortGoes() {
        String networkId = createNetwork("with-port", "10.43.0.0/24");
        String subnetId = admin.get("/network/v2.0/networks/" + networkId)
                .body()
                .get("network")
                .get("subnets")
                .get(0)
                .asString();
        ApiClient.Response created = admin.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "name": "p1", "fixed_ips": [{"ip_address": "10.43.0.7"}]}}""".formatted(networkId));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode port = created.body().get("port");
        String portId = port.get("id").asString();
        assertThat(port.get("fixed_ips").get(0).get("subnet_id").asString()).isEqualTo(subnetId);
        assertThat(port.get("fixed_ips").get(0).get("ip_address").asString()).isEqualTo("10.43.0.7");
        assertThat(port.get("mac_address").asString()).startsWith("fa:16:3e:");
        assertThat(port.get("device_id").asString()).isEmpty();
        assertThat(port.get("status").asString()).isEqualTo("DOWN");

        assertThat(names("/network/v2.0/ports?network_id=" + networkId)).containsExactly("p1");
        assertThat(names("/network/v2.0/ports?mac_address="
                        + port.get("mac_address").asString()))
                .containsExactly("p1");
        assertThat(names("/network/v2.0/ports?fixed_ips=ip_address%3D10.43.0.7"))
                .containsExactly("p1");
        assertThat(names("/network/v2.0/ports?network_id=" + networkId + "&device_owner=compute:nova"))
                .isEmpty();
        assertNeutronError(
                admin.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "fixed_ips": [{"ip_address": "10.43.0.7"}]}}""".formatted(networkId)), 409, "IpAddressInUse", "10.43.0.7");
        assertNeutronError(
                admin.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "mac_address": "fa:16:3e:00:00:01"}}""".formatted(networkId)), 400, "HTTPBadRequest", "mac_address");

        assertNeutronError(admin.delete("/network/v2.0/networks/" + networkId), 409, "NetworkInUse", networkId);
        assertNeutronError(admin.delete("/network/v2.0/subnets/" + subnetId), 409, "SubnetInUse", subnetId);
        assertThat(admin.delete("/network/v2.0/ports/" + portId).status()).isEqualTo(204);
        assertNeutronError(admin.get("/network/v2.0/ports/" + portId), 404, "PortNotFound", portId);
        assertThat(admin.delete("/network/v2.0/networks/" + networkId).status()).isEqualTo(204);
    }

    @Test
    void aMemberSeesSharedNetworksAndItsOwnOnly() {
        String adminNetwork = createNetwork("admins-own", "10.44.0.0/24");
        ApiClient.Response created = demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"demos-own\"}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String demoNetwork = created.body().get("network").get("id").asString();
        String demoProject = created.body().get("network").get("project_id").asString();
        assertThat(created.body().get("network").get("tenant_id").asString())
                .isEqualTo(demoProject)
                .isNotEmpty();

        List<String> seenByDemo = names("/network/v2.0/networks", demo);
        assertThat(seenByDemo).contains("private", "public", "demos-own").doesNotContain("admins-own");
        assertNeutronError(demo.get("/network/v2.0/networks/" + adminNetwork), 404, "NetworkNotFound", adminNetwork);
        assertNeutronError(demo.delete("/network/v2.0/networks/" + adminNetwork), 404, "NetworkNotFound", "");
        assertNeutronError(
                demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"x\", \"shared\": true}}"),
                403,
                "PolicyNotAuthorized",
                "shared");
        assertThat(names("/network/v2.0/networks?project_id=" + demoProject)).containsExactly("demos-own");
        assertThat(names("/network/v2.0/networks?tenant_id=" + demoProject)).containsExactly("demos-own");

        ApiClient.Response subnet = demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "cidr": "10.45.0.0/24", "ip_version": 4}}""".formatted(demoNetwork));
        assertThat(subnet.status()).as(subnet.raw().body()).isEqualTo(201);
        ApiClient.Response port = demo.post(
                "/network/v2.0/ports",
                "{\"port\": {\"network_id\": \"%s\", \"name\": \"demos-port\"}}".formatted(demoNetwork));
        assertThat(port.status()).as(port.raw().body()).isEqualTo(201);
        // Binding details are for admins.
        assertThat(port.body().get("port").has("binding:host_id")).isFalse();
        assertThat(admin.get("/network/v2.0/ports/"
                                + port.body().get("port").get("id").asString())
                        .body()
                        .get("port")
                        .has("binding:host_id"))
                .isTrue();
        assertThat(names("/network/v2.0/ports", demo)).containsExactly("demos-port");
        assertThat(names("/network/v2.0/subnets?network_id=" + adminNetwork, demo))
                .isEmpty();
    }

    @Test
    void versionsAreOpenAndTheComputeMicroversionHeaderIsIgnored() {
        ApiClient.Response versions = admin.withToken(null).get("/network");
        assertThat(versions.status()).isEqualTo(200);
        JsonNode version = versions.body().get("versions").get(0);
        assertThat(version.get("id").asString()).isEqualTo("v2.0");
        assertThat(version.get("status").asString()).isEqualTo("CURRENT");
        assertThat(version.get("links").get(0).get("href").asString()).endsWith("/network/v2.0/");
        ApiClient.Response anonymous = admin.withToken(null).get("/network/v2.0/networks");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"" + admin.base() + "/identity\"");

        ApiClient.Response withHeader = admin.send(
                "GET",
                "/network/v2.0/networks?name=private",
                null,
                "OpenStack-API-Version",
                "compute 2.99",
                "X-OpenStack-Nova-API-Version",
                "2.99");
        assertThat(withHeader.status()).isEqualTo(200);
        assertThat(withHeader.body().get("networks")).hasSize(1);
    }

    private static String createNetwork(String name, String cidr) {
        ApiClient.Response network =
                admin.post("/network/v2.0/networks", "{\"network\": {\"name\": \"%s\"}}".formatted(name));
        assertThat(network.status()).as(network.raw().body()).isEqualTo(201);
        String id = network.body().get("network").get("id").asString();
        ApiClient.Response subnet = subnet(id, "\"cidr\": \"%s\", \"ip_version\": 4".formatted(cidr));
        assertThat(subnet.status()).as(subnet.raw().body()).isEqualTo(201);
        return id;
    }

    private static ApiClient.Response subnet(String networkId, String attributes) {
        return admin.post(
                "/network/v2.0/subnets", "{\"subnet\": {\"network_id\": \"%s\", %s}}".formatted(networkId, attributes));
    }

    private static List<String> names(String path) {
        return names(path, admin);
    }

    private static List<String> names(String path, ApiClient client) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        String collection = path.substring("/network/v2.0/".length()).split("\\?")[0];
        return response.body()
                .get(collection)
                .valueStream()
                .map(item -> item.get("name").asString())
                .toList();
    }

    @Test
    void portNetworkAndSubnetQuotasHoldPerProjectAsNeutronsDo() {
        ApiClient.Response mine = demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"quota-1\"}}");
        assertThat(mine.status()).as(mine.raw().body()).isEqualTo(201);
        String project = mine.body().get("network").get("project_id").asString();
        String quotaPath = "/network/v2.0/quotas/" + project;
        JsonNode defaults = demo.get(quotaPath).body().get("quota");
        assertThat(defaults.get("network").asInt()).isEqualTo(100);
        assertThat(defaults.get("subnet").asInt()).isEqualTo(100);
        assertThat(defaults.get("port").asInt()).isEqualTo(500);
        assertNeutronError(
                demo.put(quotaPath, "{\"quota\": {\"port\": -1}}"), 403, "PolicyNotAuthorized", "update_quota");
        assertNeutronError(demo.get("/network/v2.0/quotas/someone-else"), 403, "PolicyNotAuthorized", "get_quota");

        int networks = demo.get("/network/v2.0/networks?project_id=" + project)
                .body()
                .get("networks")
                .size();
        int ports = demo.get("/network/v2.0/ports?project_id=" + project)
                .body()
                .get("ports")
                .size();
        ApiClient.Response set =
                admin.put(quotaPath, "{\"quota\": {\"network\": %d, \"port\": %d}}".formatted(networks, ports + 1));
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.body().get("quota").get("port").asInt()).isEqualTo(ports + 1);
        assertThat(demo.get(quotaPath).body().get("quota").get("network").asInt())
                .isEqualTo(networks);

        String port = "{\"port\": {\"network_id\": \"" + PRIVATE + "\"}}";
        ApiClient.Response first = demo.post("/network/v2.0/ports", port);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertNeutronError(demo.post("/network/v2.0/ports", port), 409, "OverQuota", "['port']");
        assertNeutronError(
                demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"quota-2\"}}"),
                409,
                "OverQuota",
                "['network']");
        assertThat(demo.get("/network/v2.0/ports?project_id=" + project)
                        .body()
                        .get("ports")
                        .size())
                .as("the refused port left nothing behind")
                .isEqualTo(ports + 1);
        String server = demo.launch("over-port-quota", "1", LaunchPipelineIT.CIRROS);
        JsonNode failed = admin.waitForStatus(server, "ERROR", Duration.ofSeconds(60));
        assertThat(failed.get("fault").get("message").asString()).contains("Quota exceeded");
        assertThat(demo.delete("/compute/v2.1/servers/" + server).status()).isEqualTo(204);
        demo.waitForGone(server, Duration.ofSeconds(60));
        ApiClient.Response admins = admin.post("/network/v2.0/ports", port);
        assertThat(admins.status())
                .as("another project's ports count against its own quota")
                .isEqualTo(201);
        assertNeutronError(admin.put(quotaPath, "{\"quota\": {\"router\": 1}}"), 400, "HTTPBadRequest", "router");
        assertNeutronError(admin.put(quotaPath, "{\"quota\": {\"port\": -2}}"), 400, "InvalidInput", "port");

        assertThat(admin.delete(quotaPath).status()).isEqualTo(204);
        assertThat(demo.get(quotaPath).body().get("quota").get("port").asInt()).isEqualTo(500);
        ApiClient.Response again = demo.post("/network/v2.0/ports", port);
        assertThat(again.status()).isEqualTo(201);
        for (ApiClient.Response created : List.of(first, admins, again)) {
            String id = created.body().get("port").get("id").asString();
            assertThat(admin.delete("/network/v2.0/ports/" + id).status()).isEqualTo(204);
        }
        assertThat(admin.delete("/network/v2.0/networks/"
                                + mine.body().get("network").get("id").asString())
                        .status())
                .isEqualTo(204);
    }

    static void assertNeutronError(ApiClient.Response response, int status, String type, String messagePart) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        JsonNode error = response.body().get("NeutronError");
        assertThat(error).as(response.raw().body()).isNotNull();
        assertThat(error.get("type").asString()).as(response.raw().body()).isEqualTo(type);
        assertThat(error.get("message").asString()).contains(messagePart);
        assertThat(error.get("detail").asString()).isEmpty();
    }
}
