package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novasim.api.action.InstanceAction;
import org.novasim.api.action.InstanceActionEventRepository;
import org.novasim.api.action.InstanceActionRepository;
import org.novasim.common.instance.ActionEvent;
import tools.jackson.databind.JsonNode;

/**
 * Servers and their networks end to end: the {@code networks} of a server create (several networks, a fixed IP,
 * a port, {@code auto}, {@code none}) through conductor, compute and network-service; the ports and addresses
 * seen through the network API and {@code /servers/{id}/ips}; addresses released on delete and handed out again;
 * a subnet that runs out failing the extra builds at once with a clear fault.
 */
class ServerNetworksIT {

    static final String CIRROS = LaunchPipelineIT.CIRROS;
    static final Duration WAIT = Duration.ofSeconds(20);
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aServerOnTwoNetworksHasAPortOnEachAndReleasesThemOnDelete() {
        String second = createNetwork("second", "10.50.0.0/24");
        String id =
                launch("two-nics", "[{\"uuid\": \"%s\"}, {\"uuid\": \"%s\"}]".formatted(NeutronApiIT.PRIVATE, second));
        JsonNode server = api.waitForStatus(id, "ACTIVE", WAIT);

        JsonNode addresses = server.get("addresses");
        assertThat(addresses.propertyNames()).containsExactlyInAnyOrder("private", "second");
        String privateAddress = addresses.get("private").get(0).get("addr").asString();
        String secondAddress = addresses.get("second").get(0).get("addr").asString();
        assertThat(privateAddress).startsWith("10.0.0.");
        assertThat(secondAddress).startsWith("10.50.0.");

        JsonNode ports = ports("device_id=" + id);
        assertThat(ports).hasSize(2);
        for (JsonNode port : ports) {
            String network = port.get("network_id").asString();
            assertThat(network).isIn(NeutronApiIT.PRIVATE, second);
            assertThat(port.get("fixed_ips").get(0).get("ip_address").asString())
                    .isEqualTo(network.equals(second) ? secondAddress : privateAddress);
            assertThat(port.get("device_owner").asString()).isEqualTo("compute:nova");
            assertThat(port.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(port.get("binding:host_id").asString())
                    .isEqualTo(server.get("OS-EXT-SRV-ATTR:host").asString());
        }

        JsonNode ips = api.get("/compute/v2.1/servers/" + id + "/ips").body().get("addresses");
        assertThat(ips.propertyNames()).containsExactlyInAnyOrder("private", "second");
        assertThat(ips.get("second").get(0).propertyNames()).containsExactly("version", "addr");
        assertThat(ips.get("second").get(0).get("addr").asString()).isEqualTo(secondAddress);
        assertThat(ips.get("second").get(0).get("version").asInt()).isEqualTo(4);
        JsonNode one = api.get("/compute/v2.1/servers/" + id + "/ips/private").body();
        assertThat(one.propertyNames()).containsExactly("private");
        assertThat(one.get("private").get(0).get("addr").asString()).isEqualTo(privateAddress);
        ApiClient.Response notMember = api.get("/compute/v2.1/servers/" + id + "/ips/public");
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.body().get("itemNotFound").get("message").asString())
                .isEqualTo("Instance is not a member of specified network");

        deleteAndWait(id);
        assertThat(ports("device_id=" + id)).isEmpty();
        // The released address is free again: a new server may ask for exactly it.
        String again = launch("reuse", "[{\"uuid\": \"%s\", \"fixed_ip\": \"%s\"}]".formatted(second, secondAddress));
        assertThat(api.waitForStatus(again, "ACTIVE", WAIT)
                        .get("addresses")
                        .get("second")
                        .get(0)
                        .get("addr")
                        .asString())
                .isEqualTo(secondAddress);
        deleteAndWait(again);
    }

    @Test
    void aFixedIpIsHonouredAndATakenOneFailsTheBuildWithoutRetrying() {
        String network = createNetwork("fixed", "10.51.0.0/24");
        String requested = "[{\"uuid\": \"%s\", \"fixed_ip\": \"10.51.0.77\"}]".formatted(network);
        String first = launch("fixed-1", requested);
        assertThat(api.waitForStatus(first, "ACTIVE", WAIT)
                        .get("addresses")
                        .get("fixed")
                        .get(0)
                        .get("addr")
                        .asString())
                .isEqualTo("10.51.0.77");

        String second = launch("fixed-2", requested);
        JsonNode failed = api.waitForStatus(second, "ERROR", WAIT);
        assertThat(failed.get("fault").get("message").asString())
                .contains("10.51.0.77")
                .contains("in use");
        assertThat(buildAttempts(second)).isEqualTo(1);
        assertThat(ports("device_id=" + second)).isEmpty();

        deleteAndWait(first);
        deleteAndWait(second);
    }

    @Test
    void aPortBroughtToTheServerIsBoundAndKeptWhenTheServerGoes() {
        String network = createNetwork("ported", "10.52.0.0/24");
        JsonNode port = api.post(
                        "/network/v2.0/ports",
                        "{\"port\": {\"network_id\": \"%s\", \"name\": \"boot-port\"}}".formatted(network))
                .body()
                .get("port");
        String portId = port.get("id").asString();
        String address = port.get("fixed_ips").get(0).get("ip_address").asString();

        String id = launch("with-port", "[{\"port\": \"%s\"}]".formatted(portId));
        JsonNode server = api.waitForStatus(id, "ACTIVE", WAIT);
        JsonNode nic = server.get("addresses").get("ported").get(0);
        assertThat(nic.get("addr").asString()).isEqualTo(address);
        assertThat(nic.get("OS-EXT-IPS-MAC:mac_addr").asString())
                .isEqualTo(port.get("mac_address").asString());
        JsonNode bound = api.get("/network/v2.0/ports/" + portId).body().get("port");
        assertThat(bound.get("device_id").asString()).isEqualTo(id);
        assertThat(bound.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(bound.get("binding:host_id").asString())
                .isEqualTo(server.get("OS-EXT-SRV-ATTR:host").asString());

        deleteAndWait(id);
        JsonNode kept = api.get("/network/v2.0/ports/" + portId).body().get("port");
        assertThat(kept.get("device_id").asString()).isEmpty();
        assertThat(kept.get("fixed_ips").get(0).get("ip_address").asString()).isEqualTo(address);
        assertThat(api.delete("/network/v2.0/ports/" + portId).status()).isEqualTo(204);
        assertThat(api.delete("/network/v2.0/networks/" + network).status()).isEqualTo(204);
    }

    @Test
    void autoTakesTheDefaultNetworkAndNoneTakesNothing() {
        String auto = launch("auto", "\"auto\"");
        String none = launch("none", "\"none\"");

        assertThat(api.waitForStatus(auto, "ACTIVE", WAIT).get("addresses").propertyNames())
                .containsExactly("private");
        assertThat(api.waitForStatus(none, "ACTIVE", WAIT).get("addresses").isEmpty())
                .isTrue();
        assertThat(ports("device_id=" + none)).isEmpty();
        assertThat(api.get("/compute/v2.1/servers/" + none + "/ips")
                        .body()
                        .get("addresses")
                        .isEmpty())
                .isTrue();
        deleteAndWait(auto);
        deleteAndWait(none);
    }

    @Test
    void anExhaustedSubnetFailsTheExtraServersAtOnceAndDeletingThemFreesTheAddresses() {
        // A /29 with the gateway at .1 leaves .2 to .6: five addresses for seven servers.
        String network = createNetwork("tiny", "10.53.0.0/29");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(launch("tiny-" + i, "[{\"uuid\": \"%s\"}]".formatted(network)));
        }

        List<JsonNode> servers =
                ids.stream().map(id -> api.waitForBuildEnd(id, WAIT)).toList();
        Set<String> addresses = new HashSet<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            JsonNode server = servers.get(i);
            if ("ACTIVE".equals(server.get("status").asString())) {
                addresses.add(
                        server.get("addresses").get("tiny").get(0).get("addr").asString());
            } else {
                failed.add(ids.get(i));
                assertThat(server.get("fault").get("message").asString())
                        .isEqualTo("No more IP addresses available on network " + network + ".");
            }
        }
        Set<String> pool = Set.of("10.53.0.2", "10.53.0.3", "10.53.0.4", "10.53.0.5", "10.53.0.6");
        assertThat(addresses).isEqualTo(pool);
        assertThat(failed).hasSize(2);
        for (String id : failed) {
            // Another host cannot conjure an address: one attempt, no reschedule, and nothing left allocated.
            assertThat(buildAttempts(id)).isEqualTo(1);
            assertThat(ports("device_id=" + id)).isEmpty();
        }

        ids.forEach(id ->
                assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204));
        ids.forEach(id -> api.waitForGone(id, WAIT));
        assertThat(ports("network_id=" + network)).isEmpty();

        List<String> again = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            again.add(launch("tiny-again-" + i, "[{\"uuid\": \"%s\"}]".formatted(network)));
        }
        Set<String> reused = new HashSet<>();
        again.forEach(id -> reused.add(api.waitForStatus(id, "ACTIVE", WAIT)
                .get("addresses")
                .get("tiny")
                .get(0)
                .get("addr")
                .asString()));
        assertThat(reused).isEqualTo(pool);
        again.forEach(ServerNetworksIT::deleteAndWait);
    }

    private static String createNetwork(String name, String cidr) {
        ApiClient.Response network =
                api.post("/network/v2.0/networks", "{\"network\": {\"name\": \"%s\"}}".formatted(name));
        assertThat(network.status()).as(network.raw().body()).isEqualTo(201);
        String id = network.body().get("network").get("id").asString();
        ApiClient.Response subnet = api.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "cidr": "%s", "ip_version": 4}}""".formatted(id, cidr));
        assertThat(subnet.status()).as(subnet.raw().body()).isEqualTo(201);
        return id;
    }

    private static String launch(String name, String networks) {
        ApiClient.Response response = api.post("/compute/v2.1/servers", """
                {"server": {"name": "%s", "flavorRef": "1", "imageRef": "%s", "networks": %s}}""".formatted(name, CIRROS, networks));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(202);
        return response.body().get("server").get("id").asString();
    }

    private static JsonNode ports(String filter) {
        ApiClient.Response response = api.get("/network/v2.0/ports?" + filter);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body().get("ports");
    }

    private static void deleteAndWait(String id) {
        assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
        api.waitForGone(id, WAIT);
    }

    /** How many hosts tried to build the server, from its create action's events. */
    private static long buildAttempts(String id) {
        var context = cloud.apiContext();
        InstanceAction create =
                context
                        .getBean(InstanceActionRepository.class)
                        .findByInstanceUuidOrderByStartTimeDescIdDesc(id)
                        .stream()
                        .filter(action -> InstanceAction.CREATE.equals(action.action()))
                        .findFirst()
                        .orElseThrow();
        return context
                .getBean(InstanceActionEventRepository.class)
                .findByActionIdOrderByStartTimeAscIdAsc(create.id())
                .stream()
                .filter(event -> ActionEvent.BUILD.equals(event.event()))
                .count();
    }
}
