package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests the hostile-input suite found or issue 12 named, each pinned: a NUL anywhere a client can put
 * one, a Content-Type no API reads, a charset that does not exist. Each is a 4xx in the called API's own format and
 * leaves nothing behind. On PostgreSQL, which cannot store a NUL at all.
 */
class MalformedInputIT {

    static Cloud cloud;
    static ApiClient admin;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        cloud = Cloud.onPostgres().start();
        admin = cloud.client();
        anonymous = admin.withToken(null);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aNulInABodyIsA400NamingTheFieldInEachApisFormat() {
        int servers = admin.get("/compute/v2.1/servers").body().get("servers").size();
        ApiClient.Response server = admin.post("/compute/v2.1/servers", """
                {"server": {"name": "a\\u0000b", "flavorRef": "1", "imageRef": "%s"}}""".formatted(LaunchPipelineIT.CIRROS));
        assertThat(server.status()).as(server.raw().body()).isEqualTo(400);
        assertThat(server.body().get("badRequest").get("message").asString()).contains("server/name");
        assertThat(admin.get("/compute/v2.1/servers").body().get("servers")).hasSize(servers);

        ApiClient.Response login = anonymous.post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "de\\u0000mo",
                 "domain": {"id": "default"}, "password": "demo"}}}}}""");
        assertThat(login.status()).as(login.raw().body()).isEqualTo(400);
        assertThat(login.body().get("error").get("message").asString()).contains("auth/identity/password/user/name");

        ApiClient.Response network = admin.post("/network/v2.0/networks", "{\"network\": {\"name\": \"n\\u0000\"}}");
        assertThat(network.status()).as(network.raw().body()).isEqualTo(400);
        assertThat(network.body().get("NeutronError").get("message").asString()).contains("network/name");

        ApiClient.Response key = admin.post("/compute/v2.1/os-keypairs", "{\"keypair\": {\"na\\u0000me\": \"k\"}}");
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.body().get("badRequest").get("message").asString()).contains("keypair/na\\u0000me");

        ApiClient.Response escaped =
                admin.post("/network/v2.0/networks", "{\"network\": {\"name\": \"not a NUL: \\\\u0000\"}}");
        assertThat(escaped.status())
                .as("an escaped backslash before u0000 is text, not a NUL: "
                        + escaped.raw().body())
                .isEqualTo(201);
        admin.delete("/network/v2.0/networks/"
                + escaped.body().get("network").get("id").asString());
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        for (String path : List.of("/compute/v2.1/servers?name=a%00", "/compute/v2.1/flavors?marker=%00")) {
            ApiClient.Response response = admin.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body().get("badRequest").get("message").asString())
                    .as(path)
                    .contains("NUL");
        }
        ApiClient.Response ports = admin.get("/network/v2.0/ports?name=%00");
        assertThat(ports.status()).isEqualTo(400);
        assertThat(ports.body().get("NeutronError").get("message").asString()).contains("name");
    }

    @Test
    void aContentTypeNoApiReadsIsA415InItsFormat() {
        String server = "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"x\"}}";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            ApiClient.Response response = admin.post("/compute/v2.1/servers", server, type);
            assertThat(response.status())
                    .as(type + ": " + response.raw().body())
                    .isEqualTo(415);
            assertThat(response.body().get("badMediaType").get("code").asInt()).isEqualTo(415);
        }
        ApiClient.Response login = anonymous.post("/identity/v3/auth/tokens", "{}", "text/plain");
        assertThat(login.status()).isEqualTo(415);
        assertThat(login.body().get("error").get("code").asInt()).isEqualTo(415);
    }

    @Test
    void aContentTypeThatNamesNoMediaTypeIsA415NotA500() {
        String server = "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"x\"}}";
        List<String> types = List.of("application/json; charset=ebcdic-nope", "*/*", "application/*", ";;;");
        for (String type : types) {
            ApiClient.Response response = admin.post("/compute/v2.1/servers", server, type);
            assertThat(response.status())
                    .as(type + ": " + response.raw().body())
                    .isEqualTo(415);
            assertThat(response.body().get("badMediaType").get("message").asString())
                    .isEqualTo("Unsupported Content-Type");
        }
        // The hostile-input suite's finds: each answered 500 (Spring read the wildcard as an IllegalArgumentException).
        ApiClient.Response subnet = admin.post("/network/v2.0/subnets", "{\"subnet\": {}}", "*/*");
        assertThat(subnet.status()).isEqualTo(415);
        assertThat(subnet.body().get("NeutronError").get("type").asString()).isEqualTo("HTTPUnsupportedMediaType");
        ApiClient.Response login = anonymous.post("/identity/v3/auth/tokens", "{}", "*/*");
        assertThat(login.status()).isEqualTo(415);
        assertThat(login.body().get("error").get("code").asInt()).isEqualTo(415);
    }
}
