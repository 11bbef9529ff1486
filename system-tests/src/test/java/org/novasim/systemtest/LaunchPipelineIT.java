package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** One instance through the whole pipeline: API, conductor, scheduler, compute, network, and back. */
class LaunchPipelineIT {

    static final String CIRROS = "b5a0c9a4-4c1e-4f7a-9b2d-6c3f0e1d2a7b";
    static Cloud cloud;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
        api = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void instanceGoesFromBuildToActiveWithAnAddressAndAHostThenDeletes() {
        ApiClient.Response created = api.post("/compute/v2.1/servers", """
                {"server": {"name": "vm1", "flavorRef": "1", "imageRef": "%s"}}""".formatted(CIRROS));

        assertThat(created.status()).isEqualTo(202);
        String id = created.body().get("server").get("id").asString();
        assertThat(created.header("Location")).endsWith("/compute/v2.1/servers/" + id);
        assertThat(created.header("x-openstack-request-id")).startsWith("req-");

        JsonNode server = api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(20));
        assertThat(server.get("OS-EXT-STS:vm_state").asString()).isEqualTo("active");
        assertThat(server.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(server.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(server.get("OS-EXT-SRV-ATTR:host").asString()).matches("compute-[1-4]");
        assertThat(server.get("hostId").asString()).hasSize(56);
        JsonNode address = server.get("addresses").get("private").get(0);
        assertThat(address.get("addr").asString()).startsWith("10.0.0.");
        assertThat(address.get("version").asInt()).isEqualTo(4);
        assertThat(address.get("OS-EXT-IPS-MAC:mac_addr").asString()).startsWith("fa:16:3e:");
        assertThat(server.get("flavor").get("id").asString()).isEqualTo("1");
        assertThat(server.get("image").get("id").asString()).isEqualTo(CIRROS);
        assertThat(server.get("OS-SRV-USG:launched_at").asString()).isNotEmpty();

        assertThat(api.delete("/compute/v2.1/servers/" + id).status()).isEqualTo(204);
        api.waitForGone(id, Duration.ofSeconds(20));
        ApiClient.Response gone = api.get("/compute/v2.1/servers/" + id);
        assertThat(gone.body().get("itemNotFound").get("code").asInt()).isEqualTo(404);
    }

    @Test
    void listsShowTheServer() {
        String id = api.launch("listed", "2", CIRROS);
        api.waitForStatus(id, "ACTIVE", Duration.ofSeconds(20));

        JsonNode list = api.get("/compute/v2.1/servers").body().get("servers");
        JsonNode detail = api.get("/compute/v2.1/servers/detail").body().get("servers");

        assertThat(list.findValuesAsString("id")).contains(id);
        assertThat(list.get(0).has("status")).isFalse();
        assertThat(detail.findValuesAsString("id")).contains(id);
        assertThat(detail.get(0).has("status")).isTrue();
    }

    @Test
    void logLinesOfAllFourServicesShareTheRequestId() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            ApiClient.Response created = api.post("/compute/v2.1/servers", """
                    {"server": {"name": "traced", "flavorRef": "1", "imageRef": "%s"}}""".formatted(CIRROS));
            String requestId = created.header("x-openstack-request-id");
            api.waitForStatus(created.body().get("server").get("id").asString(), "ACTIVE", Duration.ofSeconds(20));

            // compute logs "is active" after it has told the conductor, so the API may show ACTIVE a little before.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<ILoggingEvent> events;
                synchronized (appender) { // the appender adds under this lock, from the services' threads
                    events = new ArrayList<>(appender.list);
                }
                Set<String> services = events.stream()
                        .filter(event ->
                                requestId.equals(event.getMDCPropertyMap().get("request_id")))
                        .map(event -> event.getLoggerName().split("\\.")[2])
                        .collect(Collectors.toSet());
                assertThat(services).contains("api", "scheduler", "compute", "network");
            });
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test
    void flavorsAndImagesExistOutOfTheBox() {
        JsonNode flavors = api.get("/compute/v2.1/flavors/detail").body().get("flavors");
        assertThat(flavors.findValuesAsString("name"))
                .containsExactly("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
        JsonNode small = api.get("/compute/v2.1/flavors/2").body().get("flavor");
        assertThat(small.get("vcpus").asInt()).isEqualTo(1);
        assertThat(small.get("ram").asInt()).isEqualTo(2048);
        assertThat(small.get("disk").asInt()).isEqualTo(20);

        JsonNode images = api.get("/compute/v2.1/images").body().get("images");
        assertThat(images.findValuesAsString("name")).contains("cirros");
        assertThat(api.get("/compute/v2.1/images/" + CIRROS)
                        .body()
                        .get("image")
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void badInputIsAClearErrorInNovasFormat() {
        assertError(api.post("/compute/v2.1/servers", """
                {"server": {"name": "x", "flavorRef": "999", "imageRef": "%s"}}""".formatted(CIRROS)), 400, "badRequest", "flavorRef");
        assertError(api.post("/compute/v2.1/servers", """
                {"server": {"name": "x", "flavorRef": "1", "imageRef": "11111111-2222-3333-4444-555555555555"}}"""), 400, "badRequest", "image");
        assertError(api.post("/compute/v2.1/servers", "{\"server\": {\"name\": "), 400, "badRequest", "Malformed");
        assertError(api.post("/compute/v2.1/servers", """
                {"server": {"flavorRef": "1", "imageRef": "%s"}}""".formatted(CIRROS)), 400, "badRequest", "name");
        assertError(api.post("/compute/v2.1/servers", """
                {"server": {"name": 42, "flavorRef": "1", "imageRef": "%s"}}""".formatted(CIRROS)), 400, "badRequest", "name");
        assertError(api.post("/compute/v2.1/servers", """
                {"server": {"name": "x", "flavorRef": "1", "imageRef": "%s", "networks": [{"uuid": "private"}]}}""".formatted(CIRROS)), 400, "badRequest", "networks");
        assertError(
                api.get("/compute/v2.1/servers/00000000-0000-0000-0000-000000000000"),
                404,
                "itemNotFound",
                "could not be found");
        assertError(api.get("/compute/v2.1/servers/not-a-uuid"), 404, "itemNotFound", "could not be found");
        assertError(api.get("/compute/v2.1/flavors/m1.small"), 404, "itemNotFound", "m1.small");
        assertError(api.get("/compute/v2.1/no-such-thing"), 404, "itemNotFound", "");
        assertError(api.delete("/compute/v2.1/servers/00000000-0000-0000-0000-000000000000"), 404, "itemNotFound", "");
        assertError(api.get("/compute/v2.1/servers?limit=many"), 400, "badRequest", "limit");
    }

    private static void assertError(ApiClient.Response response, int status, String fault, String messagePart) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.body().has(fault)).as(response.raw().body()).isTrue();
        assertThat(response.body().get(fault).get("code").asInt()).isEqualTo(status);
        assertThat(response.body().get(fault).get("message").asString()).contains(messagePart);
    }
}
