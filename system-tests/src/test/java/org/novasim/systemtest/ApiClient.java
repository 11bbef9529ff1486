package org.novasim.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API, as curl would use it. */
final class ApiClient {

    record Response(int status, HttpResponse<String> raw, JsonNode body) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Launches a server and returns its id; fails the test unless the API accepted it. */
    String launch(String name, String flavorRef, String imageRef) {
        Response response = post("/compute/v2.1/servers", """
                {"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s"}}""".formatted(name, flavorRef, imageRef));
        if (response.status() != 202) {
            throw new AssertionError("launch answered " + response.status() + ": " + response.raw().body());
        }
        return response.body().get("server").get("id").asString();
    }

    /** Polls the server (as {@code openstack server create --wait} does) until its status is the one wanted. */
    JsonNode waitForStatus(String id, String status, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response response = get("/compute/v2.1/servers/" + id);
            last.set(response.body());
            return response.status() == 200 && status.equals(response.body().get("server").get("status").asString());
        });
        return last.get().get("server");
    }

    void waitForGone(String id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/compute/v2.1/servers/" + id).status() == 404);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response,
                    body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
