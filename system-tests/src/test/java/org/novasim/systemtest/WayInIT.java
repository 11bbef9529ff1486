package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ways in that issue 12 found, each closed: a path spelled differently from the one the router matches, a
 * token scoped to no project, a token renewed for ever or outliving its revoked parent, headers and bodies that
 * answered 500, and a body too large to read.
 */
class WayInIT {

    static Cloud cloud;
    static ApiClient admin;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
        admin = cloud.client();
        anonymous = admin.withToken(null);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void noSpellingOfAPathGetsPastTheTokenCheck() {
        int networks =
                admin.get("/network/v2.0/networks").body().get("networks").size();
        List<String> spellings = List.of(
                "/%63ompute/v2.1/servers/detail",
                "/compute/v2.1/%73ervers/detail",
                "/compute;x=1/v2.1/servers/detail",
                "/compute/v2.1;x=1/servers/detail",
                "/compute//v2.1/servers/detail",
                "/compute/./v2.1/servers/detail",
                "/compute/v2.1/servers/../servers/detail",
                "/compute/v2.1/servers/%2e%2e/servers/detail");
        for (String path : spellings) {
            ApiClient.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path + ": " + response.raw().body()).isNotNull();
            assertThat(response.body().get("badRequest").get("message").asString())
                    .as(path)
                    .startsWith("The request path is not in normal form");
        }
        // Tomcat refuses a NUL or an encoded slash itself; the answer is still in the API's format.
        for (String path : List.of("/compute/v2.1/servers/detail%00", "/compute/v2.1/servers%2Fdetail")) {
            ApiClient.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body().get("badRequest").get("code").asInt())
                    .as(path + ": " + response.raw().body())
                    .isEqualTo(400);
        }
        ApiClient.Response created = anonymous.post("/%6eetwork/v2.0/networks", "{\"network\": {\"name\": \"x\"}}");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().get("NeutronError").get("message").asString())
                .startsWith("The request path is not in normal form");
        assertThat(admin.get("/network/v2.0/networks").body().get("networks"))
                .as("no network was created")
                .hasSize(networks);

        // Even with a token: a path the checks might read differently from the router is not served.
        assertThat(admin.get("/%63ompute/v2.1/servers").status()).isEqualTo(400);
        // Reserved characters may be encoded: a flavor extra spec key with a colon still works.
        assertThat(admin.get("/compute/v2.1/flavors/1/os-extra_specs/hw%3Acpu_policy")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void pathsNoControllerServesNeedATokenToo() {
        ApiClient.Response unknown = anonymous.get("/nothing/here");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("error").get("code").asInt()).isEqualTo(401);

        ApiClient.Response error = admin.get("/error");
        assertThat(error.status()).as("Boot's error page is no route").isEqualTo(404);
        assertThat(error.body().get("itemNotFound")).isNotNull();

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aTokenScopedToNoProjectIsRefusedByTheProjectApisInsteadOfSeeingAll() {
        ApiClient.Response issued = anonymous.post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                 "domain": {"id": "default"}, "password": "admin"}}}, "scope": "unscoped"}}""");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().get("token").has("project")).isFalse();
        ApiClient unscoped = admin.withToken(issued.header("X-Subject-Token"));

        ApiClient.Response servers = unscoped.get("/compute/v2.1/servers/detail");
        assertThat(servers.status()).isEqualTo(403);
        assertThat(servers.body().get("forbidden").get("message").asString()).contains("scoped to a project");
        ApiClient.Response networks = unscoped.get("/network/v2.0/networks");
        assertThat(networks.status()).isEqualTo(403);
        assertThat(networks.body().get("NeutronError").get("type").asString()).isEqualTo("HTTPForbidden");
        ApiClient.Response images = unscoped.get("/image/v2/images");
        assertThat(images.status()).isEqualTo(403);
        assertThat(images.raw().body()).startsWith("403 Forbidden");
        assertThat(unscoped.post("/network/v2.0/networks", "{\"network\": {\"name\": \"x\"}}")
                        .status())
                .isEqualTo(403);

        ApiClient.Response projects = unscoped.get("/identity/v3/auth/projects");
        assertThat(projects.status())
                .as("an unscoped token is for finding a project to scope to")
                .isEqualTo(200);
    }

    @Test
    void aTokenMadeFromAnotherExpiresWithItAndIsRevokedWithIt() {
        ApiClient demo = admin.as("demo", "demo", "demo");
        JsonNode original = admin.send("GET", "/identity/v3/auth/tokens", null, "X-Subject-Token", demo.token())
                .body()
                .get("token");
        String child = rescope(demo.token());
        String grandchild = rescope(child);
        JsonNode renewed = admin.send("GET", "/identity/v3/auth/tokens", null, "X-Subject-Token", grandchild)
                .body()
                .get("token");
        assertThat(renewed.get("expires_at").asString())
                .as("re-scoping keeps expires_at, as Keystone does")
                .isEqualTo(original.get("expires_at").asString());

        assertThat(demo.send("DELETE", "/identity/v3/auth/tokens", null, "X-Subject-Token", demo.token())
                        .status())
                .isEqualTo(204);
        assertThat(admin.withToken(child).get("/compute/v2.1/servers").status())
                .as("a token made from a revoked one")
                .isEqualTo(401);
        assertThat(admin.withToken(grandchild).get("/compute/v2.1/servers").status())
                .isEqualTo(401);
    }

    @Test
    void onlyItsUserOrAnAdminMayValidateOrRevokeAToken() {
        ApiClient demo = admin.as("demo", "demo", "demo");
        ApiClient.Response foreign =
                demo.send("GET", "/identity/v3/auth/tokens", null, "X-Subject-Token", admin.token());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(demo.send("DELETE", "/identity/v3/auth/tokens", null, "X-Subject-Token", admin.token())
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/compute/v2.1/servers").status())
                .as("the admin's token still works")
                .isEqualTo(200);
    }

    @Test
    void malformedIdentityRequestsAre400sInKeystonesFormat() {
        for (String method : List.of("GET", "DELETE")) {
            ApiClient.Response noSubject = admin.send(method, "/identity/v3/auth/tokens", null);
            assertThat(noSubject.status()).as(method).isEqualTo(400);
            assertThat(noSubject.body().get("error").get("message").asString()).contains("X-Subject-Token");
        }
        List<String> badMethods =
                List.of("[1]", "[{\"a\": 1}]", "[null]", "\"password\"", "[\"" + "password".repeat(20) + "\"]");
        for (String methods : badMethods) {
            ApiClient.Response response = anonymous.post("/identity/v3/auth/tokens", """
                    {"auth": {"identity": {"methods": %s, "password": {"user": {"name": "demo",
                     "domain": {"id": "default"}, "password": "demo"}}}}}""".formatted(methods));
            assertThat(response.status()).as(methods).isIn(400, 401);
            assertThat(response.body().get("error")).as(methods).isNotNull();
        }
        ApiClient.Response longName = anonymous.post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"id": "default"}, "password": "demo"}}}}}""".formatted("n".repeat(300)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body().get("error").get("message").asString()).contains("password.user.name");
    }

    @Test
    void anyAcceptHeaderGetsJson() {
        ApiClient.Response xml = admin.send("GET", "/compute/v2.1/flavors", null, "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("application/json");
        ApiClient.Response missing = admin.send("GET", "/compute/v2.1/flavors/nope", null, "Accept", "text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("itemNotFound")).isNotNull();
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        URI base = URI.create(admin.base());
        Instant start = Instant.now();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: " + base.getHost()
                            + "\r\nContent-Type: application/json\r\nContent-Length: 4000000000\r\n\r\n{\"auth\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(Duration.between(start, Instant.now()))
                .as("answered without waiting for 4 GB")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        byte[] big = ("{\"network\": {\"name\": \"" + "x".repeat(200_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.base() + "/network/v2.0/networks"))
                .header("X-Auth-Token", admin.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("NeutronError").contains("Request is too large.");
    }

    private static String rescope(String token) {
        ApiClient.Response response = anonymous.post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}},
                 "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}}""".formatted(token));
        assertThat(response.status()).isEqualTo(201);
        return response.header("X-Subject-Token");
    }
}
