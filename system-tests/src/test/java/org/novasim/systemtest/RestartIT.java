package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A restart of api-service loses nothing: servers, their state and their action log stay, and work goes on. A
 * restarted compute-service process takes back what its hosts held (Nova's init_host): their claims, so nothing is
 * placed on room that is taken, and their VMs in the power state they were in; a build it was running is lost
 * and its instance goes to ERROR.
 */
class RestartIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static Cloud cloud;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void serversSurviveAnApiRestartAndCanStillBeDeleted() {
        ApiClient api = cloud.client();
        String id = api.launch("survivor", "1", LaunchPipelineIT.CIRROS);
        JsonNode before = api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(20));

        cloud.restartApi();
        api = cloud.client();

        JsonNode after = api.get("/compute/v2.1/servers/" + id).body().get("server");
        assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("OS-EXT-SRV-ATTR:host")).isEqualTo(before.get("OS-EXT-SRV-ATTR:host"));
        assertThat(after.get("addresses")).isEqualTo(before.get("addresses"));
        assertThat(after.get("created")).isEqualTo(before.get("created"));

        String second = api.launch("after-restart", "1", LaunchPipelineIT.CIRROS);
        api.waitForStatus(second, "ACTIVE", Duration.ofSeconds(20));
        assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
        api.waitForGone(id, Duration.ofSeconds(20));
    }

    @Test
    void aRestartedComputeProcessTakesBackWhatItsHostsHeld() {
        ApiClient api = cloud.client();
        // One host with room for two m1.small (4,608 MB less 512 reserved), in a zone of its own.
        Map<String, Object> rack = Map.of(
                "novasim.compute.service-name",
                "rack",
                "novasim.compute.hosts[0].name",
                "rack-1",
                "novasim.compute.hosts[0].availability-zone",
                "rack",
                "novasim.compute.hosts[0].memory-mb",
                4608,
                "novasim.compute.hosts[1].name",
                "rack-2",
                "novasim.compute.hosts[1].availability-zone",
                "slow",
                "novasim.compute.fake-driver.hosts.rack-2.spawn-delay",
                "10m");
        ConfigurableApplicationContext compute = cloud.startExtraCompute(rack);
        await().atMost(WAIT).until(() -> runningVms("rack-1") == 0);
        String first = api.launchIn("rack", "vm", "2");
        String second = api.launchIn("rack", "vm", "2");
        api.waitForStatus(first, "ACTIVE", WAIT);
        api.waitForStatus(second, "ACTIVE", WAIT);
        assertThat(api.post("/compute/v2.1/servers/" + second + "/action", "{\"os-stop\": null}")
                        .status())
                .isEqualTo(202);
        api.waitForStatus(second, "SHUTOFF", WAIT);

        String building = api.launchIn("slow", "vm", "1");
        await().atMost(WAIT)
                .until(() -> "spawning"
                        .equals(api.get("/compute/v2.1/servers/" + building)
                                .body()
                                .get("server")
                                .get("OS-EXT-STS:task_state")
                                .asString()));

        compute.close();
        Instant restarted = Instant.now();
        cloud.startExtraCompute(rack);

        await().atMost(WAIT).until(() -> lastHeartbeat("rack-1").isAfter(restarted));
        assertThat(runningVms("rack-1"))
                .as("the first report of the new process")
                .isEqualTo(2);
        JsonNode refused = api.waitForStatus(api.launchIn("rack", "vm", "2"), "ERROR", WAIT);
        assertThat(refused.get("fault").get("message").asString())
                .as("the host's room is still taken")
                .isEqualTo("No valid host was found. There are not enough hosts available.");
        assertThat(api.post("/compute/v2.1/servers/" + second + "/action", "{\"os-start\": null}")
                        .status())
                .isEqualTo(202);
        assertThat(api.waitForStatus(second, "ACTIVE", WAIT)
                        .get("OS-EXT-STS:power_state")
                        .asInt())
                .as("the VM was known again, powered off")
                .isEqualTo(1);
        JsonNode lost = api.get("/compute/v2.1/servers/" + building).body().get("server");
        assertThat(lost.get("status").asString())
                .as("its build died with the process")
                .isEqualTo("ERROR");
        assertThat(lost.get("OS-EXT-STS:task_state").isNull()).isTrue();
        for (String id : new String[] {first, second, building}) {
            assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
            api.waitForGone(id, WAIT);
        }
        await().atMost(WAIT).until(() -> runningVms("rack-1") == 0);
    }

    private static Instant lastHeartbeat(String host) {
        JsonNode service = cloud.client()
                .get("/compute/v2.1/os-services?host=" + host)
                .body()
                .get("services")
                .get(0);
        return LocalDateTime.parse(service.get("updated_at").asString()).toInstant(ZoneOffset.UTC);
    }

    private static int runningVms(String host) {
        for (JsonNode hypervisor :
                cloud.client().get("/compute/v2.1/os-hypervisors/detail").body().get("hypervisors")) {
            if (host.equals(hypervisor.get("hypervisor_hostname").asString())) {
                return hypervisor.get("running_vms").asInt();
            }
        }
        return -1;
    }
}
