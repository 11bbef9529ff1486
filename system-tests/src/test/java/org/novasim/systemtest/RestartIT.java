package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A restart of api-service loses nothing: servers, their state and their action log stay, and work goes on. */
class RestartIT {

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
}
