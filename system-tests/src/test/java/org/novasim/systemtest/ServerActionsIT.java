package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stop, start and reboot with Nova's state transitions and 409s, their instance actions and events, and the
 * conductor's build timeout. Power actions take 300 ms here, so the task states in between can be seen.
 */
class ServerActionsIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .compute("novasim.compute.hosts[0].name-prefix", "compute-")
                .compute("novasim.compute.hosts[0].count", 2)
                .compute("novasim.compute.hosts[1].name", "slow-1")
                .compute("novasim.compute.hosts[1].availability-zone", "slow")
                .compute("novasim.compute.fake-driver.power-delay", "300ms")
                .compute("novasim.compute.fake-driver.hosts.slow-1.spawn-delay", "120s")
                .api("novasim.conductor.build-timeout", "3s")
                .api("novasim.conductor.build-timeout-check", "500ms")
                .start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void stopStartAndRebootFollowNovasStates() {
        String id = api.launchIn("nova", "power", "1");
        api.waitForStatus(id, "ACTIVE", WAIT);

        assertThat(action(id, "{\"os-stop\": null}").status()).isEqualTo(202);
        JsonNode stopping = server(id);
        assertThat(stopping.get("OS-EXT-STS:task_state").asString()).isEqualTo("powering-off");
        assertThat(stopping.get("status").asString()).isEqualTo("ACTIVE");
        assertConflict(
                action(id, "{\"os-stop\": null}"),
                "Cannot 'stop' instance " + id + " while it is in task_state powering-off");
        JsonNode stopped = api.waitForStatus(id, "SHUTOFF", WAIT);
        assertThat(stopped.get("OS-EXT-STS:vm_state").asString()).isEqualTo("stopped");
        assertThat(stopped.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(stopped.get("OS-EXT-STS:task_state").isNull()).isTrue();

        assertConflict(
                action(id, "{\"os-stop\": null}"), "Cannot 'stop' instance " + id + " while it is in vm_state stopped");
        assertConflict(
                action(id, "{\"reboot\": {\"type\": \"SOFT\"}}"),
                "Cannot 'reboot' instance " + id + " while it is in vm_state stopped");

        assertThat(action(id, "{\"os-start\": null}").status()).isEqualTo(202);
        assertThat(server(id).get("OS-EXT-STS:task_state").asString()).isEqualTo("powering-on");
        JsonNode started = api.waitForStatus(id, "ACTIVE", WAIT);
        assertThat(started.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertConflict(
                action(id, "{\"os-start\": null}"),
                "Cannot 'start' instance " + id + " while it is in vm_state active");

        assertThat(action(id, "{\"reboot\": {\"type\": \"SOFT\"}}").status()).isEqualTo(202);
        assertThat(server(id).get("status").asString()).isEqualTo("REBOOT");
        assertThat(api.waitForStatus(id, "ACTIVE", WAIT)
                        .get("OS-EXT-STS:task_state")
                        .isNull())
                .isTrue();

        assertThat(action(id, "{\"reboot\": {\"type\": \"hard\"}}").status()).isEqualTo(202);
        assertThat(server(id).get("status").asString()).isEqualTo("HARD_REBOOT");
        api.waitForStatus(id, "ACTIVE", WAIT);

        // A hard reboot starts a stopped server.
        action(id, "{\"os-stop\": null}");
        api.waitForStatus(id, "SHUTOFF", WAIT);
        assertThat(action(id, "{\"reboot\": {\"type\": \"HARD\"}}").status()).isEqualTo(202);
        assertThat(api.waitForStatus(id, "ACTIVE", WAIT)
                        .get("OS-EXT-STS:power_state")
                        .asInt())
                .isEqualTo(1);

        api.delete("/compute/v2.1/servers/" + id);
        api.waitForGone(id, WAIT);
    }

    @Test
    void everyActionIsRecordedWithItsEvents() {
        String id = api.launchIn("nova", "recorded", "1");
        api.waitForStatus(id, "ACTIVE", WAIT);
        String stopRequest = action(id, "{\"os-stop\": null}").header("x-openstack-request-id");
        api.waitForStatus(id, "SHUTOFF", WAIT);
        action(id, "{\"os-start\": null}");
        api.waitForStatus(id, "ACTIVE", WAIT);

        JsonNode actions = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions");
        assertThat(actions.findValuesAsString("action")).containsExactly("start", "stop", "create");
        JsonNode stop = actions.get(1);
        assertThat(stop.get("request_id").asString()).isEqualTo(stopRequest);
        assertThat(stop.get("instance_uuid").asString()).isEqualTo(id);
        assertThat(stop.get("start_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        JsonNode shown = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/" + stopRequest)
                .body()
                .get("instanceAction");
        JsonNode event = shown.get("events").get(0);
        assertThat(event.get("event").asString()).isEqualTo("compute_stop_instance");
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("start_time").asString()).isNotEmpty();
        assertThat(event.get("finish_time").asString()).isNotEmpty();
        assertThat(event.has("traceback")).isTrue();

        JsonNode create = api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/"
                        + actions.get(2).get("request_id").asString())
                .body()
                .get("instanceAction");
        assertThat(create.get("events").findValuesAsString("event"))
                .contains("compute__do_build_and_run_instance", "compute_spawn", "scheduler_select_destinations");

        assertThat(api.get("/compute/v2.1/servers/" + id + "/os-instance-actions/req-unknown")
                        .status())
                .isEqualTo(404);
        ApiClient demo = api.as("demo", "demo", "demo");
        assertThat(demo.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                        .status())
                .as("another project's server does not exist for it")
                .isEqualTo(404);
    }

    @Test
    void anOwnerSeesItsActionsButNotTheirEventsAtMicroversion21() {
        ApiClient demo = api.as("demo", "demo", "demo");
        String id = demo.launchIn("nova", "mine", "1");
        demo.waitForStatus(id, "ACTIVE", WAIT);

        JsonNode actions = demo.get("/compute/v2.1/servers/" + id + "/os-instance-actions")
                .body()
                .get("instanceActions");
        JsonNode create = demo.get("/compute/v2.1/servers/" + id + "/os-instance-actions/"
                        + actions.get(0).get("request_id").asString())
                .body()
                .get("instanceAction");

        assertThat(create.get("action").asString()).isEqualTo("create");
        assertThat(create.has("events")).isFalse();
        demo.delete("/compute/v2.1/servers/" + id);
    }

    @Test
    void badActionsAreNovaStyleErrors() {
        String id = api.launchIn("nova", "bad", "1");
        api.waitForStatus(id, "ACTIVE", WAIT);

        assertError(action(id, "{\"os-fly\": null}"), 400, "badRequest", "There is no such action: os-fly");
        assertError(action(id, "{\"reboot\": {}}"), 400, "badRequest", "'type' is a required property");
        assertError(action(id, "{\"reboot\": {\"type\": \"GENTLE\"}}"), 400, "badRequest", "type");
        assertError(action(id, "{"), 400, "badRequest", "Malformed");
        assertError(
                api.post("/compute/v2.1/servers/00000000-0000-0000-0000-000000000000/action", "{\"os-stop\": null}"),
                404,
                "itemNotFound",
                "could not be found");
        api.delete("/compute/v2.1/servers/" + id);
    }

    @Test
    void aBuildThatNeverFinishesTimesOutIntoError() {
        String id = api.launchIn("slow", "stuck", "1");

        JsonNode server = api.waitForStatus(id, "ERROR", WAIT);

        assertThat(server.get("fault").get("message").asString())
                .isEqualTo("Instance build timed out. Set to error state.");
        assertThat(server.get("fault").get("code").asInt()).isEqualTo(500);
        assertThat(server.get("OS-EXT-SRV-ATTR:host").isNull()).isTrue();
        assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
    }

    private static ApiClient.Response action(String id, String body) {
        return api.post("/compute/v2.1/servers/" + id + "/action", body);
    }

    private static JsonNode server(String id) {
        return api.get("/compute/v2.1/servers/" + id).body().get("server");
    }

    private static void assertConflict(ApiClient.Response response, String message) {
        assertError(response, 409, "conflictingRequest", message);
    }

    static void assertError(ApiClient.Response response, int status, String fault, String messagePart) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.body().get(fault).get("code").asInt()).isEqualTo(status);
        assertThat(response.body().get(fault).get("message").asString()).contains(messagePart);
    }
}
