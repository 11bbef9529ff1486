package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The same launch with api-service and network-service on PostgreSQL, restart included. */
class PostgresLaunchIT {

    static Cloud cloud;

    @BeforeAll
    static void start() {
        cloud = Cloud.onPostgres().start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void launchesAndDeletesOnPostgres() {
        ApiClient api = cloud.client();
        String id = api.launch("pg-vm", "1", LaunchPipelineIT.CIRROS);

        JsonNode server = api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(20));
        assertThat(server.get("addresses").get("private").get(0).get("addr").asString())
                .startsWith("10.0.0.");

        cloud.restartApi();
        api = cloud.client();
        JsonNode afterRestart = api.get("/compute/v2.1/servers/" + id).body().get("server");
        assertThat(afterRestart.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(afterRestart.get("addresses")).isEqualTo(server.get("addresses"));

        assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
        api.waitForGone(id, Duration.ofSeconds(20));
    }
}
