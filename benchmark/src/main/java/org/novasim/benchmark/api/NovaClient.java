package org.novasim.benchmark.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls of the OpenStack APIs the benchmark makes, over plain HTTP/1.1 with a Keystone token, as any
 * client (Rally, the openstack CLI) would make them. Every call is bounded by a timeout.
 */
public final class NovaClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;
    private volatile String token;
    private volatile String projectId;

    public NovaClient(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Password authentication scoped to a project (Keystone v3); the token goes with every later call. */
    public void authenticate(Credentials credentials) {
        Map<String, Object> body = Map.of(
                "auth",
                Map.of(
                        "identity",
                                Map.of(
                                        "methods",
                                        List.of("password"),
                                        "password",
                                        Map.of(
                                                "user",
                                                Map.of(
                                                        "name",
                                                        credentials.user(),
                                                        "domain",
                                                        Map.of("name", "Default"),
                                                        "password",
                                                        credentials.password()))),
                        "scope",
                                Map.of(
                                        "project",
                                        Map.of("name", credentials.project(), "domain", Map.of("name", "Default")))));
        HttpResponse<String> response = send(request("/identity/v3/auth/tokens").POST(json(body)), "authenticate");
        expect(response, 201, "authenticate as " + credentials.user());
        token = response.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new ApiException("authenticate: no X-Subject-Token", response.statusCode(), ""));
        projectId = JSON.readTree(response.body())
                .path("token")
                .path("project")
                .path("id")
                .asString();
    }

    public String projectId() {
        return projectId;
    }

    /** Lifts the project's instance, core, RAM and port quotas, as Rally's quotas context does before a run. */
    public void unlimitedQuotas() {
        Map<String, Object> body = Map.of("quota_set", Map.of("instances", -1, "cores", -1, "ram", -1));
        HttpResponse<String> response =
                send(authed("/compute/v2.1/os-quota-sets/" + projectId).PUT(json(body)), "set quotas");
        expect(response, 200, "set quotas of project " + projectId);
        Map<String, Object> ports = Map.of("quota", Map.of("port", -1));
        HttpResponse<String> network =
                send(authed("/network/v2.0/quotas/" + projectId).PUT(json(ports)), "set network quotas");
        expect(network, 200, "set network quotas of project " + projectId);
    }

    /** The id of the network of that name, created with one subnet of that CIDR when there is none. */
    public String network(String name, String cidr) {
        HttpResponse<String> found =
                send(authed("/network/v2.0/networks?name=" + name).GET(), "list networks");
        expect(found, 200, "list networks");
        JsonNode networks = JSON.readTree(found.body()).path("networks");
        if (!networks.isEmpty()) {
            return networks.get(0).path("id").asString();
        }
        HttpResponse<String> created = send(
                authed("/network/v2.0/networks").POST(json(Map.of("network", Map.of("name", name)))), "create network");
        expect(created, 201, "create network " + name);
        String id = JSON.readTree(created.body()).path("network").path("id").asString();
        HttpResponse<String> subnet = send(
                authed("/network/v2.0/subnets")
                        .POST(json(Map.of(
                                "subnet", Map.of("network_id", id, "name", name, "cidr", cidr, "ip_version", 4)))),
                "create subnet");
        expect(subnet, 201, "create subnet " + cidr);
        return id;
    }

    /** Creates one server; answers its id and the request id the API gave the request. */
    public Created createServer(String name, String flavor, String image, String networkId) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", name);
        server.put("flavorRef", flavor);
        server.put("imageRef", image);
        if (networkId != null) {
            server.put("networks", List.of(Map.of("uuid", networkId)));
        }
        HttpResponse<String> response =
                send(authed("/compute/v2.1/servers").POST(json(Map.of("server", server))), "create server");
        expect(response, 202, "create server");
        return new Created(
                JSON.readTree(response.body()).path("server").path("id").asString(), requestId(response));
    }

    public record Created(String id, String requestId) {}

    /** The server's status, or {@link ServerStatus#GONE} once it is deleted. */
    public ServerStatus server(String id) {
        HttpResponse<String> response =
                send(authed("/compute/v2.1/servers/" + id).GET(), "show server");
        if (response.statusCode() == 404) {
            return ServerStatus.GONE;
        }
        expect(response, 200, "show server " + id);
        JsonNode server = JSON.readTree(response.body()).path("server");
        JsonNode fault = server.path("fault").path("message");
        return new ServerStatus(
                server.path("status").asString(),
                fault.isMissingNode() ? null : fault.asString(),
                time(server.path("OS-SRV-USG:launched_at")));
    }

    /** Deletes the server (204); answers the request id. */
    public String deleteServer(String id) {
        HttpResponse<String> response =
                send(authed("/compute/v2.1/servers/" + id).DELETE(), "delete server");
        expect(response, 204, "delete server " + id);
        return requestId(response);
    }

    /** Lists the project's servers (with details, as `openstack server list` does); answers how many. */
    public int listServers() {
        HttpResponse<String> response =
                send(authed("/compute/v2.1/servers/detail").GET(), "list servers");
        expect(response, 200, "list servers");
        return JSON.readTree(response.body()).path("servers").size();
    }

    /** Any GET of the APIs that answers 200 with JSON (the fault survey reads servers, hypervisors and ports). */
    public JsonNode get(String path) {
        HttpResponse<String> response = send(authed(path).GET(), "GET " + path);
        expect(response, 200, "GET " + path);
        return JSON.readTree(response.body());
    }

    /** The ids of the project's servers (for clean-up). */
    public List<String> serverIds() {
        HttpResponse<String> response = send(authed("/compute/v2.1/servers").GET(), "list servers");
        expect(response, 200, "list servers");
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body())
                .path("servers")
                .forEach(server -> ids.add(server.path("id").asString()));
        return ids;
    }

    /**
     * The server's actions with their events (os-instance-actions, then one show per action for its events).
     * A 404 (the API is not there, or the server is unknown) answers an empty list.
     */
    public List<InstanceAction> actions(String serverId) {
        HttpResponse<String> response = send(
                authed("/compute/v2.1/servers/" + serverId + "/os-instance-actions")
                        .GET(),
                "list instance actions");
        if (response.statusCode() == 404) {
            return List.of();
        }
        expect(response, 200, "list instance actions of " + serverId);
        List<InstanceAction> actions = new ArrayList<>();
        for (JsonNode action : JSON.readTree(response.body()).path("instanceActions")) {
            String requestId = action.path("request_id").asString();
            // Events are shown to admins at any microversion (to others from 2.51 on, which novasim may not speak).
            HttpResponse<String> shown = send(
                    authed("/compute/v2.1/servers/" + serverId + "/os-instance-actions/" + requestId)
                            .GET(),
                    "show instance action");
            expect(shown, 200, "show instance action " + requestId);
            JsonNode body = JSON.readTree(shown.body()).path("instanceAction");
            List<ActionEvent> events = new ArrayList<>();
            for (JsonNode event : body.path("events")) {
                events.add(new ActionEvent(
                        event.path("event").asString(),
                        time(event.path("start_time")),
                        time(event.path("finish_time")),
                        event.path("result").asString()));
            }
            actions.add(new InstanceAction(
                    body.path("action").asString(), requestId, time(body.path("start_time")), events));
        }
        return actions;
    }

    /** Nova writes times without a zone ("2026-11-25T21:00:00.123456"), sometimes with one; both are UTC. */
    static Instant time(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asString();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-openstack-request-id").orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder authed(String path) {
        if (token == null) {
            throw new IllegalStateException("authenticate first");
        }
        return request(path).header("X-Auth-Token", token);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(what + " interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new ApiException(what, response.statusCode(), response.body());
        }
    }
}
