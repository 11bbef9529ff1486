package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novasim.common.instance.PowerState;
import org.novasim.compute.virt.HypervisorDriver;
import org.novasim.testsupport.TestBroker;
import tools.jackson.databind.JsonNode;

/**
 * The broker goes away while builds are in flight, and comes back (issue 13): every build ends ACTIVE, each with
 * one address; a create that cannot be handed over meanwhile is refused with 503 and Retry-After and leaves nothing
 * behind, not even quota. The outage is the broker's view of a restart (its connections closed, new ones refused,
 * queues and their messages kept), made through the management API: it works on the local broker and in a
 * container alike.
 */
class BrokerOutageIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final int BUILDS = 6;
    static Cloud cloud;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .hosts(4)
                // Long enough that every build is still spawning when the broker goes.
                .compute("novasim.compute.fake-driver.spawn-delay", "3s")
                .api("novasim.conductor.handover-timeout", "1s")
                .start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void buildsInFlightEndActiveAndCreatesMeanwhileAreRefusedLeavingNothing() {
        ApiClient api = cloud.client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BUILDS; i++) {
            ids.add(api.launch("outage-" + i, "1", LaunchPipelineIT.CIRROS));
        }
        Map<String, String> hosts = new HashMap<>();
        await().atMost(WAIT).until(() -> {
            for (String id : ids) {
                JsonNode server = api.get("/compute/v2.1/servers/" + id).body().get("server");
                if (!"spawning".equals(server.path("OS-EXT-STS:task_state").asString(""))) {
                    return false;
                }
                hosts.put(id, server.get("OS-EXT-SRV-ATTR:host").asString());
            }
            return true;
        });
        HypervisorDriver driver = cloud.computeContext().getBean(HypervisorDriver.class);

        try (TestBroker.Outage outage = TestBroker.outage(cloud.broker())) {
            ApiClient.Response refused = api.post("/compute/v2.1/servers", """
                    {"server": {"name": "refused", "flavorRef": "1", "imageRef": "%s"}}""".formatted(LaunchPipelineIT.CIRROS));
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.body().get("serviceUnavailable").get("code").asInt())
                    .isEqualTo(503);
            // The spawns finish while the broker is away: each build's next update has to wait for it.
            await().atMost(WAIT)
                    .until(() ->
                            ids.stream().allMatch(id -> driver.powerState(hosts.get(id), id) == PowerState.RUNNING));
        }

        for (String id : ids) {
            JsonNode server = api.waitForBuildEnd(id, WAIT);
            assertThat(server.get("status").asString()).as(server.toString()).isEqualTo("ACTIVE");
            assertThat(server.get("addresses").properties().stream()
                            .mapToInt(net -> net.getValue().size())
                            .sum())
                    .as("one address")
                    .isEqualTo(1);
        }
        JsonNode servers = api.get("/compute/v2.1/servers").body().get("servers");
        assertThat(servers).as("the refused create left no server").hasSize(BUILDS);
        JsonNode limits = api.get("/compute/v2.1/limits").body().get("limits").get("absolute");
        assertThat(limits.get("totalInstancesUsed").asInt()).as("nor quota").isEqualTo(BUILDS);

        String after = api.launch("after-outage", "1", LaunchPipelineIT.CIRROS);
        assertThat(api.waitForBuildEnd(after, WAIT).get("status").asString()).isEqualTo("ACTIVE");
    }
}
