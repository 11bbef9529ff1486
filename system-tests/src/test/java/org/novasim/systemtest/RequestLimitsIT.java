package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Requests that answered 500 or could hold the API up (issue 12): huge page sizes after a marker, regular
 * expressions that backtrack for minutes, server names that overflow their column once numbered, counts without
 * a bound, over-long fields.
 */
class RequestLimitsIT {

    static final String CIRROS = LaunchPipelineIT.CIRROS;

    static Cloud cloud;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2()
                .api("novasim.api.max-servers-per-request", 5)
                .api("novasim.quota.defaults.instances", -1)
                .api("novasim.quota.defaults.cores", -1)
                .api("novasim.quota.defaults.ram", -1)
                .start();
        admin = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aHugeLimitAfterAMarkerIsAPageNotA500() {
        ApiClient.Response flavors = admin.get("/compute/v2.1/flavors?marker=1&limit=2147483647");
        assertThat(flavors.status()).isEqualTo(200);
        assertThat(flavors.body().get("flavors")).hasSize(4);

        ApiClient.Response images = admin.get("/image/v2/images?marker=" + CIRROS + "&limit=2147483647");
        assertThat(images.status()).isEqualTo(200);
        assertThat(images.body().get("images")).isEmpty();

        ApiClient.Response servers = admin.get("/compute/v2.1/servers?limit=99999999999");
        assertThat(servers.status()).isEqualTo(400);
        assertThat(servers.body().get("badRequest").get("message").asString()).contains("limit");
    }

    @Test
    @Timeout(60)
    void aRegularExpressionThatBacktracksForeverIsRefusedQuickly() {
        admin.launch("a".repeat(24) + "b".repeat(10), "1", CIRROS);

        ApiClient.Response response = admin.get("/compute/v2.1/servers?name=(.*a)%7B25%7D");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("badRequest").get("message").asString())
                .contains("name")
                .contains("too costly");
        assertThat(admin.get("/compute/v2.1/servers?name=%5Ea%2Bb").status()).isEqualTo(200);
    }

    @Test
    void numberedNamesOfALongNameStillFitAndCountsAreBounded() {
        String name = "n".repeat(255);
        ApiClient.Response created = admin.post("/compute/v2.1/servers", """
                {"server": {"name": "%s", "flavorRef": "1", "imageRef": "%s", "min_count": 3}}""".formatted(name, CIRROS));
        assertThat(created.status()).isEqualTo(202);
        List<String> names = new ArrayList<>();
        for (JsonNode server :
                admin.get("/compute/v2.1/servers?name=%5Enn").body().get("servers")) {
            names.add(server.get("name").asString());
        }
        assertThat(names)
                .hasSize(3)
                .allSatisfy(numbered -> assertThat(numbered).hasSize(255).matches("n+-[123]"));

        ApiClient.Response tooMany = admin.post("/compute/v2.1/servers", """
                {"server": {"name": "many", "flavorRef": "1", "imageRef": "%s", "min_count": 6}}""".formatted(CIRROS));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("badRequest").get("message").asString()).contains("min_count");

        ApiClient.Response capped = admin.post("/compute/v2.1/servers", """
                {"server": {"name": "capped", "flavorRef": "1", "imageRef": "%s", "max_count": 2000000000}}""".formatted(CIRROS));
        assertThat(capped.status()).isEqualTo(202);
        assertThat(admin.get("/compute/v2.1/servers?name=%5Ecapped-").body().get("servers"))
                .as("max_count is cut to novasim.api.max-servers-per-request")
                .hasSize(5);
    }

    @Test
    void overLongFieldsAre400sNamingTheField() {
        ApiClient.Response zone = admin.post("/compute/v2.1/servers", """
                {"server": {"name": "z", "flavorRef": "1", "imageRef": "%s", "availability_zone": "%s"}}""".formatted(CIRROS, "z".repeat(256)));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body().get("badRequest").get("message").asString()).contains("availability_zone");

        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxOmm0DQtQfSR2zkE0p8j/eQ6llQ6E14/PasDRZrvbq "
                + "c".repeat(70_000);
        ApiClient.Response keypair = admin.post(
                "/compute/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"long\", \"public_key\": \"" + key + "\"}}");
        assertThat(keypair.status()).isEqualTo(400);
        assertThat(keypair.body().get("badRequest").get("message").asString()).contains("public_key");
    }

    @Test
    void changesSinceIsPagedLikeAnyList() {
        for (int i = 0; i < 3; i++) {
            admin.launch("paged-" + i, "1", CIRROS);
        }
        ApiClient.Response first =
                admin.get("/compute/v2.1/servers?changes-since=1970-01-01T00:00:00Z&limit=2&name=%5Epaged-");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("servers")).hasSize(2);
        String next = first.body().get("servers_links").get(0).get("href").asString();
        ApiClient.Response second = admin.get(next.substring(admin.base().length()));
        assertThat(second.body().get("servers")).hasSize(1);
        assertThat(second.body().has("servers_links")).isFalse();

        assertThat(admin.get("/compute/v2.1/servers?changes-since=%2B999999999-12-31T23:59:59Z")
                        .status())
                .isEqualTo(400);
        admin.waitForStatus(first.body().get("servers").get(0).get("id").asString(), "ACTIVE", Duration.ofSeconds(30));
    }
}
