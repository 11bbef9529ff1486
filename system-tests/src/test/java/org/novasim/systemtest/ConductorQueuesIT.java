package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What hosts report never waits behind scheduling (issue 13, item 3): with one conductor handler for builds, and
 * that one stuck waiting for a scheduler that is gone, a build already on its host still reaches ACTIVE, since its
 * state changes go to the conductor's other queue.
 */
class ConductorQueuesIT {

    static Cloud cloud;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .hosts(2)
                .compute("novasim.compute.fake-driver.spawn-delay", "2s")
                .api("novasim.conductor.consumers", 1)
                .api("novasim.rpc.call-timeout", "30s")
                .start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aBuildOnItsHostEndsWhileSchedulingWaitsForAScheduler() {
        ApiClient api = cloud.client();
        String running = api.launch("running", "1", LaunchPipelineIT.CIRROS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "spawning"
                        .equals(server(api, running)
                                .path("OS-EXT-STS:task_state")
                                .asString("")));

        cloud.schedulerContext().close();
        String waiting = api.launch("waiting", "1", LaunchPipelineIT.CIRROS);

        JsonNode active = api.waitForBuildEnd(running, Duration.ofSeconds(60));
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(server(api, waiting).get("status").asString())
                .as("the conductor's one build handler still waits for the scheduler")
                .isEqualTo("BUILD");
    }

    private static JsonNode server(ApiClient api, String id) {
        return api.get("/compute/v2.1/servers/" + id).body().get("server");
    }
}
