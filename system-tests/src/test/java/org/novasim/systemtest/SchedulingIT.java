package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling against the real broker, one availability zone per story so the stories do not meet:
 * {@code small} (two hosts with room for two m1.small each) runs out of capacity; in {@code flaky} the host the
 * weighers like best fails every boot, so builds are rescheduled to the other; {@code spread} (three hosts) takes
 * server groups.
 */
class SchedulingIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                // 4608 MB - 512 reserved = two m1.small (2048 MB) per host.
                .compute("novasim.compute.hosts[0].name-prefix", "small-")
                .compute("novasim.compute.hosts[0].count", 2)
                .compute("novasim.compute.hosts[0].availability-zone", "small")
                .compute("novasim.compute.hosts[0].memory-mb", 4608)
                .compute("novasim.compute.hosts[1].name", "flaky-1")
                .compute("novasim.compute.hosts[1].availability-zone", "flaky")
                .compute("novasim.compute.hosts[1].memory-mb", 65536)
                .compute("novasim.compute.hosts[2].name", "steady-1")
                .compute("novasim.compute.hosts[2].availability-zone", "flaky")
                .compute("novasim.compute.hosts[3].name-prefix", "spread-")
                .compute("novasim.compute.hosts[3].count", 3)
                .compute("novasim.compute.hosts[3].availability-zone", "spread")
                .compute("novasim.compute.fake-driver.hosts.flaky-1.failure-rate", 1.0)
                .start();
        api = cloud.client();
        await().atMost(WAIT)
                .until(() -> api.get("/compute/v2.1/os-hypervisors")
                                .body()
                                .get("hypervisors")
                                .size()
                        == 7);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void moreInstancesThanFitEndInErrorAndNoHostIsOvercommitted() throws Exception {
        List<String> ids = launchConcurrently(7, "small", "2", null);

        List<String> active = new ArrayList<>();
        for (String id : ids) {
            JsonNode server = api.waitForBuildEnd(id, WAIT);
            if ("ACTIVE".equals(server.get("status").asString())) {
                active.add(id);
            } else {
                assertThat(server.get("fault").get("code").asInt()).isEqualTo(500);
                assertThat(server.get("fault").get("message").asString()).isEqualTo(NO_VALID_HOST);
            }
        }

        assertThat(active).hasSize(4);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String host : List.of("small-1", "small-2")) {
                JsonNode hypervisor = hypervisor(host);
                assertThat(hypervisor.get("memory_mb_used").asInt()).as(host).isEqualTo(512 + 2 * 2048);
                assertThat(hypervisor.get("free_ram_mb").asInt()).as(host).isZero();
                assertThat(hypervisor.get("running_vms").asInt()).as(host).isEqualTo(2);
            }
        });
        deleteAll(ids);
    }

    @Test
    void aFailingHostsBuildIsRescheduledAndBothAttemptsAreRecorded() {
        ApiClient.Response created = launch("flaky", "1", null);
        String id = created.body().get("server").get("id").asString();

        JsonNode server = api.waitForStatus(id, "ACTIVE", WAIT);

        assertThat(server.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo("steady-1");
        String requestId = created.header("x-openstack-request-id");
        JsonNode events = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/" + requestId)
                .body()
                .get("instanceAction")
                .get("events");
        List<JsonNode> builds = new ArrayList<>();
        events.forEach(event -> {
            if ("compute__do_build_and_run_instance".equals(event.get("event").asString())) {
                builds.add(event);
            }
        });
        assertThat(builds)
                .extracting(event -> event.get("result").asString())
                .containsExactlyInAnyOrder("Error", "Success");
        assertThat(builds)
                .anySatisfy(
                        event -> assertThat(event.get("traceback").asString()).contains("flaky-1"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hypervisor("flaky-1").get("vcpus_used").asInt())
                                .as("the failed claim was freed")
                                .isZero());
        deleteAll(List.of(id));
    }

    @Test
    void membersOfAnAntiAffinityGroupGetHostsOfTheirOwnAndTheOneTooManyErrs() throws Exception {
        String group = createGroup("apart", "anti-affinity");

        List<String> ids = launchConcurrently(3, "spread", "1", group);
        Set<String> hosts = new HashSet<>();
        for (String id : ids) {
            hosts.add(api.waitForStatus(id, "ACTIVE", WAIT)
                    .get("OS-EXT-SRV-ATTR:host")
                    .asString());
        }
        assertThat(hosts).containsExactlyInAnyOrder("spread-1", "spread-2", "spread-3");
        JsonNode shown =
                api.get("/compute/v2.1/os-server-groups/" + group).body().get("server_group");
        List<String> members = new ArrayList<>();
        shown.get("members").forEach(member -> members.add(member.asString()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(shown.get("policies").get(0).asString()).isEqualTo("anti-affinity");

        String fourth =
                launch("spread", "1", group).body().get("server").get("id").asString();
        assertThat(api.waitForStatus(fourth, "ERROR", WAIT)
                        .get("fault")
                        .get("message")
                        .asString())
                .isEqualTo(NO_VALID_HOST);
        ids.add(fourth);
        deleteAll(ids);
    }

    @Test
    void membersOfAnAffinityGroupShareAHost() throws Exception {
        String group = createGroup("together", "affinity");

        String first =
                launch("spread", "1", group).body().get("server").get("id").asString();
        String host = api.waitForStatus(first, "ACTIVE", WAIT)
                .get("OS-EXT-SRV-ATTR:host")
                .asString();
        List<String> ids = launchConcurrently(2, "spread", "1", group);

        for (String id : ids) {
            assertThat(api.waitForStatus(id, "ACTIVE", WAIT)
                            .get("OS-EXT-SRV-ATTR:host")
                            .asString())
                    .isEqualTo(host);
        }
        ids.add(first);
        deleteAll(ids);
        assertThat(api.delete("/compute/v2.1/os-server-groups/" + group).status())
                .isEqualTo(204);
        assertThat(api.get("/compute/v2.1/os-server-groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void serverGroupsAreCheckedAndScopedToTheirProject() {
        String group = createGroup("mine", "affinity");
        ApiClient demo = api.as("demo", "demo", "demo");

        assertThat(api.get("/compute/v2.1/os-server-groups")
                        .body()
                        .get("server_groups")
                        .findValuesAsString("id"))
                .contains(group);
        assertThat(demo.get("/compute/v2.1/os-server-groups")
                        .body()
                        .get("server_groups")
                        .findValuesAsString("id"))
                .doesNotContain(group);
        assertThat(demo.get("/compute/v2.1/os-server-groups/" + group).status()).isEqualTo(404);
        ServerActionsIT.assertError(
                api.post(
                        "/compute/v2.1/os-server-groups",
                        "{\"server_group\": {\"name\": \"x\", \"policies\": [\"soft-affinity\"]}}"),
                400,
                "badRequest",
                "policies");
        ServerActionsIT.assertError(
                api.post("/compute/v2.1/os-server-groups", "{\"server_group\": {\"policies\": [\"affinity\"]}}"),
                400,
                "badRequest",
                "name");
        ServerActionsIT.assertError(
                launch("spread", "1", "11111111-2222-3333-4444-555555555555"), 400, "badRequest", "could not be found");
        ServerActionsIT.assertError(
                api.post("/compute/v2.1/servers", """
                {"server": {"name": "x", "flavorRef": "1", "imageRef": "%s"}, "os:scheduler_hints": {"group": "nope"}}""".formatted(LaunchPipelineIT.CIRROS)), 400, "badRequest", "group");
        api.delete("/compute/v2.1/os-server-groups/" + group);
    }

    @Test
    void serverGroupsCountAgainstTheProjectsQuota() {
        int existing = api.get("/compute/v2.1/os-server-groups")
                .body()
                .get("server_groups")
                .size();
        List<String> created = new ArrayList<>();
        for (int i = existing; i < 10; i++) {
            created.add(createGroup("g" + i, "affinity"));
        }

        ServerActionsIT.assertError(
                api.post(
                        "/compute/v2.1/os-server-groups",
                        "{\"server_group\": {\"name\": \"one-too-many\", \"policies\": [\"affinity\"]}}"),
                403,
                "forbidden",
                "Quota exceeded, too many server groups.");
        created.forEach(id -> api.delete("/compute/v2.1/os-server-groups/" + id));
    }

    private static String createGroup(String name, String policy) {
        ApiClient.Response created = api.post(
                "/compute/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"%s\", \"policies\": [\"%s\"]}}".formatted(name, policy));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        assertThat(created.body().get("server_group").get("members")).isEmpty();
        return created.body().get("server_group").get("id").asString();
    }

    /** Separate requests at once, as many clients would send them. */
    private static List<String> launchConcurrently(int count, String zone, String flavor, String group)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<ApiClient.Response>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                responses.add(pool.submit(() -> launch(zone, flavor, group)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ApiClient.Response> response : responses) {
                ApiClient.Response done = response.get();
                assertThat(done.status()).as(done.raw().body()).isEqualTo(202);
                ids.add(done.body().get("server").get("id").asString());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static ApiClient.Response launch(String zone, String flavor, String group) {
        String hints = group == null ? "" : ", \"os:scheduler_hints\": {\"group\": \"" + group + "\"}";
        return api.post("/compute/v2.1/servers", """
                {"server": {"name": "vm", "flavorRef": "%s", "imageRef": "%s", "availability_zone": "%s"}%s}""".formatted(flavor, LaunchPipelineIT.CIRROS, zone, hints));
    }

    private static JsonNode hypervisor(String host) {
        for (JsonNode hypervisor :
                api.get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors")) {
            if (host.equals(hypervisor.get("hypervisor_hostname").asString())) {
                return hypervisor;
            }
        }
        throw new AssertionError("no hypervisor " + host);
    }

    private static void deleteAll(List<String> ids) {
        ids.forEach(id -> api.delete("/compute/v2.1/servers/" + id));
        ids.forEach(id -> api.waitForGone(id, WAIT));
    }
}
