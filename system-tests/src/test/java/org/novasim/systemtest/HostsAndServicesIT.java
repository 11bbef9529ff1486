package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.novasim.scheduler.host.HostStateCache;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What the API knows of the cloud from heartbeats and host reports: services up or down, hypervisors and their
 * usage, availability zones; disabling a host keeps the scheduler off it; a host whose process dies goes down and
 * is no longer chosen. A second compute process, in zone {@code edge}, is the one that dies (last test).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostsAndServicesIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static Cloud cloud;
    static ApiClient api;
    static ConfigurableApplicationContext edge;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .hosts(2)
                .everywhere("novasim.service.report-interval", "1s")
                .api("novasim.services.service-down-time", "3s")
                .scheduler("novasim.scheduler.service-down-time", "3s")
                .start();
        edge = cloud.startExtraCompute(Map.of(
                "novasim.compute.service-name",
                "edge",
                "novasim.compute.hosts[0].name",
                "edge-1",
                "novasim.compute.hosts[0].availability-zone",
                "edge"));
        api = cloud.client();
        await().atMost(WAIT).until(() -> hypervisors().size() == 3);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    @Order(1)
    void everyServiceIsListedUpWithNovasFields() {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(services("").findValuesAsString("binary"))
                        .contains("nova-scheduler", "nova-conductor", "nova-network", "nova-compute"));
        JsonNode services = services("");
        for (JsonNode service : services) {
            assertThat(service.get("state").asString()).as(service.toString()).isEqualTo("up");
            assertThat(service.get("status").asString()).isEqualTo("enabled");
            assertThat(service.get("id").isIntegralNumber())
                    .as("integer ids below 2.53")
                    .isTrue();
            assertThat(service.get("updated_at").asString())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
            assertThat(service.get("zone").asString())
                    .isEqualTo(
                            switch (service.get("binary").asString()) {
                                case "nova-compute" ->
                                    service.get("host").asString().startsWith("edge") ? "edge" : "nova";
                                default -> "internal";
                            });
            assertThat(service.has("disabled_reason")).isTrue();
        }
        assertThat(services("?binary=nova-compute").findValuesAsString("host"))
                .containsExactlyInAnyOrder("compute-1", "compute-2", "edge-1");
        assertThat(services("?binary=nova-compute&host=compute-2")).hasSize(1);
        assertThat(api.as("demo", "demo", "demo")
                        .get("/compute/v2.1/os-services")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(2)
    void hypervisorsShowEachHostsUsage() {
        String id = api.launchIn("edge", "vm", "2");
        api.waitForStatus(id, "ACTIVE", WAIT);

        // The report that first shows the VM may come before the build let go of its slot; a later one shows both.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode host = hypervisor("edge-1");
            assertThat(host.get("running_vms").asInt()).isEqualTo(1);
            assertThat(host.get("current_workload").asInt()).isZero();
        });
        JsonNode edgeHost = hypervisor("edge-1");
        assertThat(edgeHost.get("vcpus").asInt()).isEqualTo(16);
        assertThat(edgeHost.get("vcpus_used").asInt()).isEqualTo(1);
        assertThat(edgeHost.get("memory_mb").asInt()).isEqualTo(32768);
        assertThat(edgeHost.get("memory_mb_used").asInt())
                .as("reserved 512 + m1.small 2048")
                .isEqualTo(2560);
        assertThat(edgeHost.get("free_ram_mb").asInt()).isEqualTo(32768 - 2560);
        assertThat(edgeHost.get("local_gb").asInt()).isEqualTo(500);
        assertThat(edgeHost.get("local_gb_used").asInt()).isEqualTo(20);
        assertThat(edgeHost.get("free_disk_gb").asInt()).isEqualTo(480);
        assertThat(edgeHost.get("hypervisor_type").asString()).isEqualTo("QEMU");
        assertThat(edgeHost.get("host_ip").asString()).isEqualTo("127.0.0.1");
        assertThat(edgeHost.get("state").asString()).isEqualTo("up");
        assertThat(edgeHost.get("status").asString()).isEqualTo("enabled");
        assertThat(edgeHost.get("cpu_info").isString())
                .as("a JSON string before 2.28")
                .isTrue();
        assertThat(edgeHost.get("service").get("host").asString()).isEqualTo("edge-1");

        long hypervisorId = edgeHost.get("id").asLong();
        assertThat(api.get("/compute/v2.1/os-hypervisors/" + hypervisorId)
                        .body()
                        .get("hypervisor")
                        .get("hypervisor_hostname")
                        .asString())
                .isEqualTo("edge-1");
        JsonNode list = api.get("/compute/v2.1/os-hypervisors").body().get("hypervisors");
        assertThat(list.findValuesAsString("hypervisor_hostname"))
                .containsExactlyInAnyOrder("compute-1", "compute-2", "edge-1");
        assertThat(list.get(0).has("vcpus")).as("the list is a summary").isFalse();
        JsonNode statistics =
                api.get("/compute/v2.1/os-hypervisors/statistics").body().get("hypervisor_statistics");
        assertThat(statistics.get("count").asInt()).isEqualTo(3);
        assertThat(statistics.get("vcpus").asInt()).isEqualTo(48);
        assertThat(statistics.get("running_vms").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode servers = api.get("/compute/v2.1/os-hypervisors/edge/servers")
                .body()
                .get("hypervisors")
                .get(0);
        assertThat(servers.get("servers").findValuesAsString("uuid")).containsExactly(id);
        assertThat(api.get("/compute/v2.1/os-hypervisors/compute/search").body().get("hypervisors"))
                .hasSize(2);

        ServerActionsIT.assertError(api.get("/compute/v2.1/os-hypervisors/999999"), 404, "itemNotFound", "999999");
        ServerActionsIT.assertError(
                api.get("/compute/v2.1/os-hypervisors/nothing/search"), 404, "itemNotFound", "nothing");
        assertThat(api.as("demo", "demo", "demo")
                        .get("/compute/v2.1/os-hypervisors/detail")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(3)
    void zonesComeFromTheServices() {
        JsonNode zones = api.get("/compute/v2.1/os-availability-zone").body().get("availabilityZoneInfo");
        assertThat(zones.findValuesAsString("zoneName")).containsExactlyInAnyOrder("nova", "edge");
        assertThat(zones.get(0).get("zoneState").get("available").asBoolean()).isTrue();
        assertThat(zones.get(0).get("hosts").isNull()).isTrue();
        assertThat(api.as("demo", "demo", "demo")
                        .get("/compute/v2.1/os-availability-zone")
                        .status())
                .isEqualTo(200);

        JsonNode detail =
                api.get("/compute/v2.1/os-availability-zone/detail").body().get("availabilityZoneInfo");
        assertThat(detail.findValuesAsString("zoneName")).containsExactlyInAnyOrder("nova", "edge", "internal");
        JsonNode nova = zone(detail, "nova");
        assertThat(nova.get("hosts")
                        .get("compute-1")
                        .get("nova-compute")
                        .get("available")
                        .asBoolean())
                .isTrue();
        assertThat(nova.get("hosts")
                        .get("compute-1")
                        .get("nova-compute")
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(zone(detail, "internal").get("hosts").findValues("nova-scheduler"))
                .isNotEmpty();

        ApiClient.Response created = api.post("/compute/v2.1/servers", """
                {"server": {"name": "unzoned", "flavorRef": "1", "imageRef": "%s"}}""".formatted(LaunchPipelineIT.CIRROS));
        String unzoned = created.body().get("server").get("id").asString();
        JsonNode active = api.waitForStatus(unzoned, "ACTIVE", WAIT);
        assertThat(active.get("OS-EXT-AZ:availability_zone").asString())
                .as("created in no zone: its host's")
                .isEqualTo(active.get("OS-EXT-SRV-ATTR:host").asString().equals("edge-1") ? "edge" : "nova");
        api.delete("/compute/v2.1/servers/" + unzoned);
        api.waitForGone(unzoned, WAIT);
    }

    @Test
    @Order(4)
    void aDisabledHostIsSkippedUntilItIsEnabledAgain() {
        ApiClient.Response disabled = api.put(
                "/compute/v2.1/os-services/disable-log-reason",
                "{\"host\": \"compute-1\", \"binary\": \"nova-compute\", \"disabled_reason\": \"maintenance\"}");
        assertThat(disabled.status()).as(disabled.raw().body()).isEqualTo(200);
        assertThat(disabled.body().get("service").get("status").asString()).isEqualTo("disabled");
        assertThat(disabled.body().get("service").get("disabled_reason").asString())
                .isEqualTo("maintenance");
        JsonNode service = services("?host=compute-1").get(0);
        assertThat(service.get("status").asString()).isEqualTo("disabled");
        assertThat(service.get("disabled_reason").asString()).isEqualTo("maintenance");
        assertThat(hypervisor("compute-1").get("status").asString()).isEqualTo("disabled");
        awaitSchedulerSees("compute-1", false);

        List<String> launched = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = api.launchIn("nova", "vm", "1");
            launched.add(id);
            assertThat(api.waitForStatus(id, "ACTIVE", WAIT)
                            .get("OS-EXT-SRV-ATTR:host")
                            .asString())
                    .isEqualTo("compute-2");
        }

        assertThat(api.put(
                                "/compute/v2.1/os-services/enable",
                                "{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}")
                        .body()
                        .get("service")
                        .get("status")
                        .asString())
                .isEqualTo("enabled");
        awaitSchedulerSees("compute-1", true);
        String next = api.launchIn("nova", "vm", "1");
        launched.add(next);
        assertThat(api.waitForStatus(next, "ACTIVE", WAIT)
                        .get("OS-EXT-SRV-ATTR:host")
                        .asString())
                .as("the emptier host, enabled again")
                .isEqualTo("compute-1");

        ServerActionsIT.assertError(
                api.put("/compute/v2.1/os-services/disable", "{\"host\": \"nowhere\", \"binary\": \"nova-compute\"}"),
                404,
                "itemNotFound",
                "Could not find binary");
        ServerActionsIT.assertError(
                api.put("/compute/v2.1/os-services/disable", "{\"host\": \"compute-1\"}"), 400, "badRequest", "binary");
        ServerActionsIT.assertError(
                api.put(
                        "/compute/v2.1/os-services/frobnicate",
                        "{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}"),
                404,
                "itemNotFound",
                "Unknown action");
        launched.forEach(id -> api.delete("/compute/v2.1/servers/" + id));
        launched.forEach(id -> api.waitForGone(id, WAIT));
    }

    @Test
    @Order(5)
    void aHostForcedDownIsDownAndSkippedUntilUnforced() {
        String force = "{\"host\": \"edge-1\", \"binary\": \"nova-compute\", \"forced_down\": %s}";
        assertThat(api.send(
                                "PUT",
                                "/compute/v2.1/os-services/force-down",
                                force.formatted("true"),
                                "OpenStack-API-Version",
                                "compute 2.10")
                        .status())
                .as("2.11 and later only")
                .isEqualTo(404);
        ApiClient.Response forced = api.send(
                "PUT",
                "/compute/v2.1/os-services/force-down",
                force.formatted("true"),
                "OpenStack-API-Version",
                "compute 2.11");
        assertThat(forced.status()).as(forced.raw().body()).isEqualTo(200);
        assertThat(forced.body().get("service").get("forced_down").asBoolean()).isTrue();
        JsonNode service = api.send(
                        "GET", "/compute/v2.1/os-services?host=edge-1", null, "OpenStack-API-Version", "compute 2.11")
                .body()
                .get("services")
                .get(0);
        assertThat(service.get("state").asString())
                .as("heartbeats go on, but it counts as down")
                .isEqualTo("down");
        assertThat(service.get("forced_down").asBoolean()).isTrue();
        assertThat(services("?host=edge-1").get(0).has("forced_down"))
                .as("not before 2.11")
                .isFalse();
        awaitSchedulerSees("edge-1", false);
        JsonNode refused = api.waitForStatus(api.launchIn("edge", "vm", "1"), "ERROR", WAIT);
        assertThat(refused.get("fault").get("message").asString())
                .isEqualTo("No valid host was found. There are not enough hosts available.");
        ServerActionsIT.assertError(
                api.send(
                        "PUT",
                        "/compute/v2.1/os-services/force-down",
                        "{\"host\": \"edge-1\", \"binary\": \"nova-compute\", \"forced_down\": \"yes\"}",
                        "OpenStack-API-Version",
                        "compute 2.11"),
                400,
                "badRequest",
                "forced_down");

        api.send(
                "PUT",
                "/compute/v2.1/os-services/force-down",
                force.formatted("false"),
                "OpenStack-API-Version",
                "compute 2.11");
        assertThat(services("?host=edge-1").get(0).get("state").asString()).isEqualTo("up");
        awaitSchedulerSees("edge-1", true);
        String placed = api.launchIn("edge", "vm", "1");
        assertThat(api.waitForStatus(placed, "ACTIVE", WAIT)
                        .get("OS-EXT-SRV-ATTR:host")
                        .asString())
                .isEqualTo("edge-1");
        api.delete("/compute/v2.1/servers/" + refused.get("id").asString());
        api.delete("/compute/v2.1/servers/" + placed);
        api.waitForGone(placed, WAIT);
    }

    @Test
    @Order(6)
    void aHostThatStopsReportingGoesDownAndIsNoLongerChosen() {
        String onEdge = api.launchIn("edge", "vm", "1");
        assertThat(api.waitForStatus(onEdge, "ACTIVE", WAIT)
                        .get("OS-EXT-AZ:availability_zone")
                        .asString())
                .isEqualTo("edge");
        assertThat(ports(onEdge)).hasSize(1);

        edge.close();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(services("?host=edge-1").get(0).get("state").asString()).isEqualTo("down");
            assertThat(hypervisor("edge-1").get("state").asString()).isEqualTo("down");
        });
        assertThat(services("?host=compute-1").get(0).get("state").asString()).isEqualTo("up");
        ServerActionsIT.assertError(
                api.post("/compute/v2.1/servers/" + onEdge + "/action", "{\"os-stop\": null}"),
                409,
                "conflictingRequest",
                "unavailable");
        String refused = api.launchIn("edge", "vm", "1");
        JsonNode error = api.waitForStatus(refused, "ERROR", WAIT);
        assertThat(error.get("fault").get("message").asString())
                .isEqualTo("No valid host was found. There are not enough hosts available.");
        assertThat(error.get("fault").get("code").asInt()).isEqualTo(500);

        // As Nova's API does for a server on a down host: deleted here, its port released here.
        assertThat(api.delete("/compute/v2.1/servers/" + onEdge).status()).isEqualTo(204);
        api.waitForGone(onEdge, WAIT);
        assertThat(ports(onEdge)).isEmpty();
    }

    private static JsonNode ports(String deviceId) {
        return api.get("/network/v2.0/ports?device_id=" + deviceId).body().get("ports");
    }

    private static void awaitSchedulerSees(String host, boolean enabled) {
        HostStateCache hosts = cloud.schedulerContext().getBean(HostStateCache.class);
        await().atMost(WAIT).until(() -> hosts.get(host).report().enabled() == enabled);
    }

    private static JsonNode services(String query) {
        return api.get("/compute/v2.1/os-services" + query).body().get("services");
    }

    private static JsonNode hypervisors() {
        return api.get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors");
    }

    private static JsonNode hypervisor(String host) {
        for (JsonNode hypervisor : hypervisors()) {
            if (host.equals(hypervisor.get("hypervisor_hostname").asString())) {
                return hypervisor;
            }
        }
        throw new AssertionError("no hypervisor " + host);
    }

    private static JsonNode zone(JsonNode zones, String name) {
        for (JsonNode zone : zones) {
            if (name.equals(zone.get("zoneName").asString())) {
                return zone;
            }
        }
        throw new AssertionError("no zone " + name);
    }
}
