package org.novasim.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just enough of the API for the launcher tests: a token when the cloud has an identity service (GET /identity/v3
 * answers 200; admin/admin in project admin, as the launcher prints), then launch a server and wait for its state.
 */
final class CloudClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CIRROS = "b5a0c9a4-4c1e-4f7a-9b2d-6c3f0e1d2a7b";

    private final String base;
    private final String token;

    CloudClient(int apiPort) {
        this.base = "http://127.0.0.1:" + apiPort;
        this.token = identityAnswers() ? login() : null;
    }

    boolean authenticated() {
        return token != null;
    }

    /** POST /compute/v2.1/servers with flavor 1 and the cirros image; returns the new server's id. */
    String launch(String name) {
        HttpResponse<String> response = send(request("/compute/v2.1/servers")
                .POST(HttpRequest.BodyPublishers.ofString("{\"server\": {\"name\": \"" + name
                        + "\", \"flavorRef\": \"1\", \"imageRef\": \"" + CIRROS + "\"}}")));
        if (response.statusCode() != 202) {
            throw new AssertionError("launch answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("server").path("id").asString();
    }

    /** Polls GET /compute/v2.1/servers/{id} until its status is ACTIVE or ERROR, or the time is up. */
    JsonNode awaitSettled(String id, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        JsonNode server = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response =
                    send(request("/compute/v2.1/servers/" + id).GET());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET server answered " + response.statusCode() + ": " + response.body());
            }
            server = JSON.readTree(response.body()).path("server");
            String status = server.path("status").asString();
            if (status.equals("ACTIVE") || status.equals("ERROR")) {
                return server;
            }
            sleep(250);
        }
        throw new AssertionError("server " + id + " did not settle within " + limit + "; last seen: " + server);
    }

    private boolean identityAnswers() {
        return send(HttpRequest.newBuilder(URI.create(base + "/identity/v3"))
                                .timeout(Duration.ofSeconds(10))
                                .GET())
                        .statusCode()
                == 200;
    }

    private String login() {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                 "domain": {"name": "Default"}, "password": "admin"}}},
                 "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}""";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "POST /identity/v3/auth/tokens answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new AssertionError("no X-Subject-Token in the token response"));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("X-Auth-Token", token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the API does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
