package org.novasim.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
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
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String token;

    /** A client of the admin user, scoped to project admin. */
    ApiClient(String base) {
        this(base, "admin", "admin", "admin");
    }

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    private ApiClient(String base, String user, String password, String project) {
        this.base = base;
        this.token = authenticate(base, user, password, project);
    }

    /** A client acting as another user, with a token of its own. */
    ApiClient as(String user, String password, String project) {
        return new ApiClient(base, user, password, project);
    }

    /** A client sending the given token (or none, when null) as it is. */
    ApiClient withToken(String token) {
        return new ApiClient(base, token);
    }

    String base() {
        return base;
    }

    String token() {
        return token;
    }

    private static String authenticate(String base, String user, String password, String project) {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"id": "default"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"id": "default"}}}}}""".formatted(user, password, project);
        Response response = new ApiClient(base, (String) null).post("/identity/v3/auth/tokens", body);
        if (response.status() != 201) {
            throw new AssertionError("authentication of " + user + " answered " + response.status() + ": "
                    + response.raw().body());
        }
        return response.header("X-Subject-Token");
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A POST whose body is declared as the given Content-Type, whatever it holds. */
    Response post(String path, String body, String contentType) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Launches a server and returns its id; fails the test unless the API accepted it. */
    /** Launches cirros in the availability zone, so a test decides which of its hosts may get the build. */
    String launchIn(String zone, String name, String flavorRef) {
        Response response =
                post("/compute/v2.1/servers", """
                {"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "availability_zone": "%s"}}""".formatted(name, flavorRef, LaunchPipelineIT.CIRROS, zone));
        if (response.status() != 202) {
            throw new AssertionError("launch answered " + response.status() + ": "
                    + response.raw().body());
        }
        return response.body().get("server").get("id").asString();
    }

    String launch(String name, String flavorRef, String imageRef) {
        Response response = post("/compute/v2.1/servers", """
                {"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s"}}""".formatted(name, flavorRef, imageRef));
        if (response.status() != 202) {
            throw new AssertionError("launch answered " + response.status() + ": "
                    + response.raw().body());
        }
        return response.body().get("server").get("id").asString();
    }

    /** Polls the server (as {@code openstack server create --wait} does) until its status is the one wanted. */
    /** The server once its status is the given one. */
    JsonNode waitForStatus(String id, String status, Duration timeout) {
        return waitForAnyStatus(id, Set.of(status), timeout);
    }

    /** The server once its build has ended, either way: ACTIVE or ERROR. */
    JsonNode waitForBuildEnd(String id, Duration timeout) {
        return waitForAnyStatus(id, Set.of("ACTIVE", "ERROR"), timeout);
    }

    private JsonNode waitForAnyStatus(String id, Set<String> statuses, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response response = get("/compute/v2.1/servers/" + id);
            last.set(response.body());
            return response.status() == 200
                    && statuses.contains(
                            response.body().get("server").get("status").asString());
        });
        return last.get().get("server");
    }

    void waitForGone(String id, Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> get("/compute/v2.1/servers/" + id).status() == 404);
    }

    Response put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Any request, with extra headers (e.g. microversions). */
    Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("X-Auth-Token", token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            boolean json =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Response(
                    response.statusCode(),
                    response,
                    body == null || body.isBlank() || !json ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
