package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.novasim.systemtest.ServerActionsIT.assertError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every action of Nova's fake driver through the real services: pause, suspend, rescue, password, console, lock,
 * reset state, rebuild, snapshot, shelve and unshelve, resize and cold migration with confirm and revert, with
 * Nova's states, 409s, instance actions and events, and the claims on both hosts at every step (read back from
 * os-hypervisors, which shows what the hosts report).
 */
class ServerLifecycleIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .compute("novasim.compute.hosts[0].name-prefix", "compute-")
                .compute("novasim.compute.hosts[0].count", 3)
                .compute("novasim.compute.hosts[1].name-prefix", "fragile-")
                .compute("novasim.compute.hosts[1].count", 2)
                .compute("novasim.compute.hosts[1].availability-zone", "fragile")
                .compute("novasim.compute.fake-driver.hosts.fragile-1.failing-operations", "finish_migration")
                .compute("novasim.compute.fake-driver.hosts.fragile-2.failing-operations", "finish_migration")
                .compute("novasim.compute.changes-interval", "200ms")
                .start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void pauseSuspendRescueAndPasswordFollowNovasStates() {
        String id = active("guest");

        accepted(action(id, "{\"pause\": null}"));
        JsonNode paused = api.waitForStatus(id, "PAUSED", WAIT);
        assertThat(paused.get("OS-EXT-STS:vm_state").asString()).isEqualTo("paused");
        assertThat(paused.get("OS-EXT-STS:power_state").asInt()).isEqualTo(3);
        assertError(
                action(id, "{\"pause\": null}"),
                409,
                "conflictingRequest",
                "Cannot 'pause' instance " + id + " while it is in vm_state paused");
        accepted(action(id, "{\"unpause\": null}"));
        api.waitForStatus(id, "ACTIVE", WAIT);

        accepted(action(id, "{\"suspend\": null}"));
        assertThat(api.waitForStatus(id, "SUSPENDED", WAIT)
                        .get("OS-EXT-STS:power_state")
                        .asInt())
                .isEqualTo(7);
        assertError(
                action(id, "{\"unpause\": null}"),
                409,
                "conflictingRequest",
                "Cannot 'unpause' instance " + id + " while it is in vm_state suspended");
        accepted(action(id, "{\"resume\": null}"));
        api.waitForStatus(id, "ACTIVE", WAIT);

        ApiClient.Response rescue = action(id, "{\"rescue\": {\"adminPass\": \"s3cret\"}}");
        assertThat(rescue.status()).isEqualTo(200);
        assertThat(rescue.body().get("adminPass").asString()).isEqualTo("s3cret");
        assertThat(api.waitForStatus(id, "RESCUE", WAIT)
                        .get("OS-EXT-STS:vm_state")
                        .asString())
                .isEqualTo("rescued");
        accepted(action(id, "{\"unrescue\": null}"));
        api.waitForStatus(id, "ACTIVE", WAIT);

        accepted(action(id, "{\"changePassword\": {\"adminPass\": \"n3w\"}}"));
        await().atMost(WAIT).until(() -> server(id).get("OS-EXT-STS:task_state").isNull());
        assertError(action(id, "{\"changePassword\": {}}"), 400, "badRequest", "'adminPass' is a required property");

        ApiClient.Response console = action(id, "{\"os-getConsoleOutput\": {\"length\": 2}}");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body().get("output").asString()).isEqualTo("ANOTHER\nLAST LINE");
        assertThat(action(id, "{\"os-getConsoleOutput\": {}}")
                        .body()
                        .get("output")
                        .asString())
                .startsWith("FAKE CONSOLE OUTPUT");

        JsonNode actions = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions");
        assertThat(actions.findValuesAsString("action"))
                .containsSubsequence(
                        "changePassword", "unrescue", "rescue", "resume", "suspend", "unpause", "pause", "create");
        assertThat(events(id, actions.get(actions.size() - 2))).containsExactly("compute_pause_instance");
        delete(id);
    }

    @Test
    void resizeClaimsTheNewHostUntilConfirmFreesTheOld() {
        String id = active("resized");
        String source = host(id);
        awaitMemoryUsed(source, 512);

        accepted(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}"));
        JsonNode resized = api.waitForStatus(id, "VERIFY_RESIZE", WAIT);
        String dest = resized.get("OS-EXT-SRV-ATTR:host").asString();
        assertThat(dest).isNotEqualTo(source);
        assertThat(resized.get("flavor").get("id").asString()).isEqualTo("2");
        assertThat(resized.get("OS-EXT-STS:vm_state").asString()).isEqualTo("resized");
        // Both hosts hold the instance until the resize is confirmed.
        awaitMemoryUsed(source, 512);
        awaitMemoryUsed(dest, 2048);
        JsonNode migration = migrationOf(id);
        assertThat(migration.get("status").asString()).isEqualTo("finished");
        assertThat(migration.get("source_compute").asString()).isEqualTo(source);
        assertThat(migration.get("dest_compute").asString()).isEqualTo(dest);
        assertThat(migration.get("old_instance_type_id").asInt()).isEqualTo(1);
        assertThat(migration.get("new_instance_type_id").asInt()).isEqualTo(2);
        assertThat(api.get("/compute/v2.1/limits")
                        .body()
                        .findValue("totalRAMUsed")
                        .asInt())
                .isGreaterThanOrEqualTo(2048);
        assertError(
                action(id, "{\"resize\": {\"flavorRef\": \"3\"}}"),
                409,
                "conflictingRequest",
                "Cannot 'resize' instance " + id + " while it is in vm_state resized");

        assertThat(action(id, "{\"confirmResize\": null}").status()).isEqualTo(204);
        JsonNode confirmed = api.waitForStatus(id, "ACTIVE", WAIT);
        assertThat(confirmed.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo(dest);
        awaitMemoryUsed(source, 0);
        awaitMemoryUsed(dest, 2048);
        await().atMost(WAIT)
                .until(() -> "confirmed".equals(migrationOf(id).get("status").asString()));
        assertError(action(id, "{\"confirmResize\": null}"), 409, "conflictingRequest", "vm_state active");

        JsonNode resize = actionNamed(id, "resize");
        assertThat(events(id, resize))
                .contains(
                        "conductor_migrate_server",
                        "compute_prep_resize",
                        "compute_resize_instance",
                        "compute_finish_resize");
        assertThat(events(id, actionNamed(id, "confirmResize"))).containsExactly("compute_confirm_resize");
        delete(id);
        awaitMemoryUsed(dest, 0);
    }

    @Test
    void revertGivesTheInstanceBackToItsOldHostAndFlavor() {
        String id = active("reverted");
        String source = host(id);

        accepted(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}"));
        String dest = api.waitForStatus(id, "VERIFY_RESIZE", WAIT)
                .get("OS-EXT-SRV-ATTR:host")
                .asString();
        accepted(action(id, "{\"revertResize\": null}"));
        JsonNode reverted = api.waitForStatus(id, "ACTIVE", WAIT);
        assertThat(reverted.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo(source);
        assertThat(reverted.get("flavor").get("id").asString()).isEqualTo("1");
        awaitMemoryUsed(dest, 0);
        awaitMemoryUsed(source, 512);
        assertThat(migrationOf(id).get("status").asString()).isEqualTo("reverted");
        assertThat(events(id, actionNamed(id, "revertResize")))
                .contains("compute_revert_resize", "compute_finish_revert_resize");
        delete(id);
    }

    @Test
    void coldMigrationMovesAStoppedInstanceWithItsFlavorAndKeepsItOff() {
        String id = active("migrated");
        String source = host(id);
        accepted(action(id, "{\"os-stop\": null}"));
        api.waitForStatus(id, "SHUTOFF", WAIT);

        assertError(
                api.as("demo", "demo", "demo").post("/compute/v2.1/servers/" + id + "/action", "{\"migrate\": null}"),
                404,
                "itemNotFound",
                "could not be found");
        accepted(action(id, "{\"migrate\": null}"));
        JsonNode moved = api.waitForStatus(id, "VERIFY_RESIZE", WAIT);
        assertThat(moved.get("OS-EXT-SRV-ATTR:host").asString()).isNotEqualTo(source);
        assertThat(moved.get("flavor").get("id").asString()).isEqualTo("1");
        assertThat(moved.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(action(id, "{\"confirmResize\": null}").status()).isEqualTo(204);
        assertThat(api.waitForStatus(id, "SHUTOFF", WAIT)
                        .get("OS-EXT-STS:vm_state")
                        .asString())
                .isEqualTo("stopped");
        assertThat(actionNamed(id, "migrate")).isNotNull();
        delete(id);
    }

    @Test
    void aResizeTheNewHostFailsEndsInErrorWithAFault() {
        String id = api.launchIn("fragile", "fragile", "1");
        api.waitForStatus(id, "ACTIVE", WAIT);

        accepted(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}"));
        JsonNode failed = api.waitForStatus(id, "ERROR", WAIT);
        assertThat(failed.get("fault").get("message").asString()).contains("finish_migration");
        assertThat(migrationOf(id).get("status").asString()).isEqualTo("error");
        JsonNode resize = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/"
                        + actionNamed(id, "resize").get("request_id").asString())
                .body()
                .get("instanceAction");
        assertThat(resize.get("message").asString()).isEqualTo("Error");
        delete(id);
    }

    @Test
    void shelvingOffloadsTheInstanceAndUnshelvingSchedulesItAgain() {
        String id = active("shelved");
        String host = host(id);
        awaitMemoryUsed(host, 512);

        accepted(action(id, "{\"shelve\": null}"));
        JsonNode offloaded = api.waitForStatus(id, "SHELVED_OFFLOADED", WAIT);
        assertThat(offloaded.get("OS-EXT-SRV-ATTR:host").isNull()).isTrue();
        assertThat(offloaded.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        awaitMemoryUsed(host, 0);
        JsonNode images =
                api.get("/image/v2/images?name=shelved-shelved").body().get("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).get("status").asString()).isEqualTo("active");
        assertError(
                action(id, "{\"pause\": null}"),
                409,
                "conflictingRequest",
                "while it is in vm_state shelved_offloaded");

        accepted(action(id, "{\"unshelve\": null}"));
        JsonNode back = api.waitForStatus(id, "ACTIVE", WAIT);
        String newHost = back.get("OS-EXT-SRV-ATTR:host").asString();
        awaitMemoryUsed(newHost, 512);
        assertThat(events(id, actionNamed(id, "unshelve")))
                .contains("conductor_unshelve_instance", "compute_unshelve_instance");
        delete(id);
    }

    @Test
    void rebuildAndSnapshotWorkOnTheSameHost() {
        String id = active("rebuilt");
        String host = host(id);
        accepted(action(id, "{\"os-stop\": null}"));
        api.waitForStatus(id, "SHUTOFF", WAIT);

        ApiClient.Response rebuild =
                action(id, "{\"rebuild\": {\"imageRef\": \"" + LaunchPipelineIT.CIRROS + "\", \"name\": \"renamed\"}}");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.body().get("server").get("name").asString()).isEqualTo("renamed");
        assertThat(rebuild.body().get("server").has("adminPass")).isTrue();
        JsonNode rebuilt = api.waitForStatus(id, "SHUTOFF", WAIT);
        assertThat(rebuilt.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo(host);
        assertThat(events(id, actionNamed(id, "rebuild"))).containsExactly("compute_rebuild_instance");
        assertError(
                action(id, "{\"rebuild\": {\"imageRef\": \"00000000-0000-0000-0000-000000000000\"}}"),
                400,
                "badRequest",
                "Cannot find requested image");

        ApiClient.Response snapshot =
                action(id, "{\"createImage\": {\"name\": \"snap\", \"metadata\": {\"k\": \"v\"}}}");
        assertThat(snapshot.status()).isEqualTo(202);
        String location = snapshot.raw().headers().firstValue("Location").orElseThrow();
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(WAIT)
                .until(() -> "active"
                        .equals(api.get("/image/v2/images/" + imageId)
                                .body()
                                .get("status")
                                .asString()));
        JsonNode image = api.get("/image/v2/images/" + imageId).body();
        assertThat(image.get("name").asString()).isEqualTo("snap");
        assertThat(image.get("instance_uuid").asString()).isEqualTo(id);
        assertThat(image.get("k").asString()).isEqualTo("v");
        await().atMost(WAIT).until(() -> server(id).get("OS-EXT-STS:task_state").isNull());
        delete(id);
    }

    @Test
    void aLockedInstanceRefusesItsOwnerAndAnAdminsLockStaysLocked() {
        ApiClient demo = api.as("demo", "demo", "demo");
        String id = demo.launch("locked", "1", LaunchPipelineIT.CIRROS);
        demo.waitForStatus(id, "ACTIVE", WAIT);

        assertThat(demo.post("/compute/v2.1/servers/" + id + "/action", "{\"lock\": null}")
                        .status())
                .isEqualTo(202);
        assertError(
                demo.post("/compute/v2.1/servers/" + id + "/action", "{\"pause\": null}"),
                409,
                "conflictingRequest",
                "Instance " + id + " is locked");
        assertThat(demo.post("/compute/v2.1/servers/" + id + "/action", "{\"unlock\": null}")
                        .status())
                .isEqualTo(202);

        accepted(action(id, "{\"lock\": null}"));
        assertError(
                demo.post("/compute/v2.1/servers/" + id + "/action", "{\"unlock\": null}"),
                403,
                "forbidden",
                "unlock_override");
        accepted(action(id, "{\"unlock\": null}"));

        assertError(
                demo.post("/compute/v2.1/servers/" + id + "/action", "{\"os-resetState\": {\"state\": \"error\"}}"),
                403,
                "forbidden",
                "reset_state");
        accepted(action(id, "{\"os-resetState\": {\"state\": \"error\"}}"));
        assertThat(server(id).get("status").asString()).isEqualTo("ERROR");
        accepted(action(id, "{\"os-resetState\": {\"state\": \"active\"}}"));
        assertThat(server(id).get("status").asString()).isEqualTo("ACTIVE");
        assertError(action(id, "{\"os-resetState\": {\"state\": \"paused\"}}"), 400, "badRequest", "is not one of");
        List<String> names = new ArrayList<>(demo.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions")
                .findValuesAsString("action"));
        assertThat(names).containsSubsequence("resetState", "unlock", "lock", "unlock", "lock", "create");
        demo.delete("/compute/v2.1/servers/" + id);
    }

    private static String active(String name) {
        String id = api.launchIn("nova", name, "1");
        api.waitForStatus(id, "ACTIVE", WAIT);
        return id;
    }

    private static String host(String id) {
        return server(id).get("OS-EXT-SRV-ATTR:host").asString();
    }

    private static void delete(String id) {
        api.delete("/compute/v2.1/servers/" + id);
        api.waitForGone(id, WAIT);
    }

    private static void accepted(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(202);
    }

    private static ApiClient.Response action(String id, String body) {
        return api.post("/compute/v2.1/servers/" + id + "/action", body);
    }

    private static JsonNode server(String id) {
        return api.get("/compute/v2.1/servers/" + id).body().get("server");
    }

    private static JsonNode migrationOf(String id) {
        return api.get("/compute/v2.1/os-migrations?instance_uuid=" + id)
                .body()
                .get("migrations")
                .get(0);
    }

    private static JsonNode actionNamed(String id, String name) {
        for (JsonNode action : api.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions")) {
            if (name.equals(action.get("action").asString())) {
                return action;
            }
        }
        throw new AssertionError("no action " + name + " on " + id);
    }

    private static List<String> events(String id, JsonNode action) {
        JsonNode shown = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/"
                        + action.get("request_id").asString())
                .body()
                .get("instanceAction");
        return shown.get("events").findValuesAsString("event");
    }

    /** Waits until the host reports {@code memoryMb} of instances (the reserved memory aside). */
    private static void awaitMemoryUsed(String host, int memoryMb) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode hypervisors =
                    api.get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors");
            for (JsonNode hypervisor : hypervisors) {
                if (host.equals(hypervisor.get("hypervisor_hostname").asString())) {
                    assertThat(hypervisor.get("memory_mb_used").asInt() - 512)
                            .as("memory used on " + host)
                            .isEqualTo(memoryMb);
                    return;
                }
            }
            throw new AssertionError("no hypervisor " + host);
        });
    }
}
