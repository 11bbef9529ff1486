package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novasim.systemtest.hostile.HostileRequest;
import org.novasim.systemtest.hostile.HostileRequest.Role;
import org.novasim.systemtest.hostile.Oracle;
import org.novasim.systemtest.hostile.RawHttp;
import org.novasim.systemtest.hostile.RequestGenerator;
import org.novasim.systemtest.hostile.Route;
import org.novasim.systemtest.hostile.RouteRecorder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile-input suite (issue 12): every route the running API maps, read from Spring MVC's handler mapping,
 * gets generated malformed requests as every kind of caller (no token, a bad or revoked one, unscoped, reader,
 * member, admin): wrong types, missing and extra fields, boundary and huge numbers, long, unicode and NUL strings,
 * invalid ids, bad JSON, deep nesting, oversized bodies, odd Accept, Content-Type and microversion headers, odd path
 * spellings. It asserts no 5xx, no 2xx without a valid token (the discovery documents and the login aside), each
 * refusal in its API's error format, nothing stored changed by a refused request, every route reached past
 * authentication, and the API still answering at the end. Seeded: {@code -Dnovasim.hostile.seed=N} replays a run,
 * {@code -Dnovasim.hostile.per-route=N} sets its size.
 */
class HostileInputIT {

    static final long SEED = Long.getLong("novasim.hostile.seed", 12L);
    static final int PER_ROUTE = Integer.getInteger("novasim.hostile.per-route", 20);
    static final String CIRROS = LaunchPipelineIT.CIRROS;
    static final String PRIVATE = NeutronApiIT.PRIVATE;
    static final String PRIVATE_SUBNET = NeutronApiIT.PRIVATE_SUBNET;

    /** What may answer 2xx to anyone, by path: the version documents, asking for a token, the dashboard's session. */
    static final Set<Route> OPEN = Set.of(
            new Route("GET", "/"),
            new Route("GET", "/compute"),
            new Route("GET", "/compute/"),
            new Route("GET", "/compute/v2.1"),
            new Route("GET", "/compute/v2.1/"),
            new Route("GET", "/identity"),
            new Route("GET", "/identity/"),
            new Route("GET", "/identity/v3"),
            new Route("GET", "/identity/v3/"),
            new Route("GET", "/image"),
            new Route("GET", "/image/"),
            new Route("GET", "/image/versions"),
            new Route("GET", "/network"),
            new Route("GET", "/network/"),
            new Route("POST", "/identity/v3/auth/tokens"),
            // The dashboard's session: opening one takes a token; asking who is logged in or logging out tells
            // nothing without one (204).
            new Route("POST", "/dashboard/api/session"),
            new Route("GET", "/dashboard/api/session"),
            new Route("DELETE", "/dashboard/api/session"));

    static final RouteRecorder recorder = new RouteRecorder();
    static Cloud cloud;
    static ApiClient admin;
    static ApiClient demo;
    static final Map<String, String> fixtures = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        cloud = Cloud.onPostgres()
                .api("novasim.identity.users[0].name", "admin")
                .api("novasim.identity.users[0].password", "admin")
                .api("novasim.identity.users[0].project", "admin")
                .api("novasim.identity.users[0].roles[0]", "admin")
                .api("novasim.identity.users[1].name", "demo")
                .api("novasim.identity.users[1].password", "demo")
                .api("novasim.identity.users[1].project", "demo")
                .api("novasim.identity.users[1].roles[0]", "member")
                .api("novasim.identity.users[2].name", "reader")
                .api("novasim.identity.users[2].password", "reader")
                .api("novasim.identity.users[2].project", "demo")
                .api("novasim.identity.users[2].roles[0]", "reader")
                .everyService(context -> context.getBeanFactory().registerSingleton("hostileRouteRecorder", recorder))
                .start();
        admin = cloud.client();
        demo = admin.as("demo", "demo", "demo");
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void noGeneratedRequestAnswers5xxOrGetsInWithoutATokenOrChangesWhatItWasRefused() throws IOException {
        Set<Route> routes = RouteRecorder.routesOf(cloud.apiContext());
        Map<Role, String> tokens = tokens();
        makeFixtures();
        Map<Route, List<String>> examples = examples();

        RequestGenerator generator = new RequestGenerator(SEED, HostileInputIT::validValue, examples, tokens);
        List<HostileRequest> requests = new ArrayList<>();
        for (Route route : routes) {
            requests.addAll(generator.forRoute(route, PER_ROUTE));
        }
        Collections.shuffle(requests, new Random(SEED));

        URI base = URI.create(admin.base());
        Oracle oracle = new Oracle(
                new RawHttp(base.getHost(), base.getPort(), Duration.ofSeconds(30)),
                OPEN,
                List.of(
                        cloud.apiContext().getBean(DataSource.class),
                        cloud.networkContext().getBean(DataSource.class)),
                HostileInputIT::settled);
        long started = System.nanoTime();
        for (HostileRequest request : requests) {
            oracle.judge(request);
            if (request.number() % 500 == 0) {
                assertStillAnswering();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertStillAnswering();

        Set<Route> unreached = new TreeSet<>(routes);
        unreached.removeAll(recorder.reached());
        System.out.printf(
                "hostile input: seed %d, %d routes, %d requests in %d s, statuses %s, %d refusals checked against"
                        + " the store%n",
                SEED,
                routes.size(),
                requests.size(),
                took.toSeconds(),
                new TreeMap<>(oracle.statuses()),
                oracle.storeChecks());
        assertThat(oracle.failures())
                .as("requests that broke a rule (replay with -Dnovasim.hostile.seed=" + SEED + ")")
                .isEmpty();
        assertThat(unreached)
                .as("routes no request reached past authentication")
                .isEmpty();
        assertThat(routes.size()).as("routes found in the handler mapping").isGreaterThan(100);
    }

    private static void assertStillAnswering() {
        ApiClient.Response flavors = admin.get("/compute/v2.1/flavors");
        assertThat(flavors.status()).as(flavors.raw().body()).isEqualTo(200);
        assertThat(admin.get("/network/v2.0/networks").status()).isEqualTo(200);
        assertThat(admin.withToken(null).get("/actuator/health").status()).isEqualTo(200);
    }

    /** True once no server is building or in a task: what an accepted request set off has finished. */
    private static boolean settled() {
        JdbcTemplate jdbc = new JdbcTemplate(cloud.apiContext().getBean(DataSource.class));
        Integer busy = jdbc.queryForObject(
                "SELECT COUNT(*) FROM instances WHERE deleted_at IS NULL"
                        + " AND (task_state IS NOT NULL OR vm_state = 'building')",
                Integer.class);
        return busy != null && busy == 0;
    }

    private static Map<Role, String> tokens() {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.BAD_TOKEN, "gAAAAABhostile" + Long.toHexString(SEED));
        ApiClient revoked = admin.as("admin", "admin", "admin");
        assertThat(revoked.send("DELETE", "/identity/v3/auth/tokens", null, "X-Subject-Token", revoked.token())
                        .status())
                .isEqualTo(204);
        tokens.put(Role.REVOKED_TOKEN, revoked.token());
        ApiClient.Response unscoped = admin.withToken(null).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                 "domain": {"id": "default"}, "password": "admin"}}}, "scope": "unscoped"}}""");
        assertThat(unscoped.status()).isEqualTo(201);
        tokens.put(Role.UNSCOPED, unscoped.header("X-Subject-Token"));
        tokens.put(Role.READER, admin.as("reader", "reader", "demo").token());
        tokens.put(Role.MEMBER, demo.token());
        tokens.put(Role.ADMIN, admin.token());
        return tokens;
    }

    /** Resources for valid path variables: a server of each project, a key pair, a group, networks, a port. */
    private static void makeFixtures() {
        String adminServer = admin.launch("hostile-admin", "1", CIRROS);
        String demoServer = demo.launch("hostile-demo", "1", CIRROS);
        admin.waitForStatus(adminServer, "ACTIVE", Duration.ofSeconds(60));
        demo.waitForStatus(demoServer, "ACTIVE", Duration.ofSeconds(60));
        fixtures.put("adminServer", adminServer);
        fixtures.put("demoServer", demoServer);
        admin.post("/compute/v2.1/servers/" + adminServer + "/metadata", "{\"metadata\": {\"k\": \"v\"}}");
        admin.post("/compute/v2.1/flavors/1/os-extra_specs", "{\"extra_specs\": {\"hw:cpu_policy\": \"shared\"}}");
        fixtures.put(
                "requestId",
                admin.get("/compute/v2.1/servers/" + adminServer + "/os-instance-actions")
                        .body()
                        .get("instanceActions")
                        .get(0)
                        .get("request_id")
                        .asString());
        ApiClient.Response keypair = admin.post(
                "/compute/v2.1/os-keypairs",
                "{\"keypair\": {\"name\": \"hostile-kp\", \"public_key\": \"" + ed25519Key("fixture") + "\"}}");
        assertThat(keypair.status()).as(keypair.raw().body()).isIn(200, 201);
        ApiClient.Response group = admin.post(
                "/compute/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"hostile\", \"policies\": [\"anti-affinity\"]}}");
        fixtures.put("group", group.body().get("server_group").get("id").asString());
        ApiClient.Response network = demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"hostile\"}}");
        String networkId = network.body().get("network").get("id").asString();
        fixtures.put("network", networkId);
        fixtures.put(
                "demoProject", network.body().get("network").get("project_id").asString());
        ApiClient.Response subnet = demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "cidr": "10.66.0.0/24", "ip_version": 4}}""".formatted(networkId));
        fixtures.put("subnet", subnet.body().get("subnet").get("id").asString());
        ApiClient.Response port =
                demo.post("/network/v2.0/ports", "{\"port\": {\"network_id\": \"" + networkId + "\"}}");
        fixtures.put("port", port.body().get("port").get("id").asString());
        fixtures.put(
                "adminProject",
                admin.get("/compute/v2.1/servers/" + adminServer)
                        .body()
                        .get("server")
                        .get("tenant_id")
                        .asString());
        fixtures.put(
                "user",
                admin.get("/identity/v3/users?name=demo")
                        .body()
                        .get("users")
                        .get(0)
                        .get("id")
                        .asString());
        fixtures.put(
                "role",
                admin.get("/identity/v3/roles")
                        .body()
                        .get("roles")
                        .get(0)
                        .get("id")
                        .asString());
        fixtures.put(
                "service",
                admin.get("/compute/v2.1/os-services?binary=nova-compute")
                        .body()
                        .get("services")
                        .get(0)
                        .get("id")
                        .asString());
        fixtures.put(
                "hypervisor",
                admin.get("/compute/v2.1/os-hypervisors")
                        .body()
                        .get("hypervisors")
                        .get(0)
                        .get("id")
                        .asString());
        fixtures.put(
                "hostname",
                admin.get("/compute/v2.1/os-hypervisors")
                        .body()
                        .get("hypervisors")
                        .get(0)
                        .get("hypervisor_hostname")
                        .asString());
    }

    /** A value of the path variable that names something that exists (null: the suite knows none). */
    private static String validValue(Route route, String variable) {
        String pattern = route.pattern();
        Random pick = new Random(pattern.hashCode() ^ variable.hashCode() ^ System.identityHashCode(route));
        return switch (variable) {
            case "serverId" -> fixtures.get(pick.nextBoolean() ? "adminServer" : "demoServer");
            case "key" -> pattern.contains("extra_specs") ? "hw:cpu_policy" : "k";
            case "requestId" -> fixtures.get("requestId");
            case "label" -> "private";
            case "name" -> pattern.contains("hosts") ? fixtures.get("hostname") : "hostile-kp";
            case "projectId" -> fixtures.get(pick.nextBoolean() ? "adminProject" : "demoProject");
            case "action" -> List.of("enable", "disable", "force-down").get(pick.nextInt(3));
            case "pattern" -> "compute";
            case "alias" -> "quotas";
            case "userId" -> fixtures.get("user");
            case "id" -> idFor(pattern, pick);
            default -> null;
        };
    }

    private static String idFor(String pattern, Random pick) {
        if (pattern.contains("/servers/") || pattern.startsWith("/dashboard/api/servers")) {
            return fixtures.get(pick.nextBoolean() ? "adminServer" : "demoServer");
        }
        if (pattern.contains("/flavors/")) {
            return "1";
        }
        if (pattern.contains("/images/")) {
            return CIRROS;
        }
        if (pattern.contains("os-server-groups")) {
            return fixtures.get("group");
        }
        if (pattern.contains("os-services")) {
            return fixtures.get("service");
        }
        if (pattern.contains("os-hypervisors")) {
            return fixtures.get("hypervisor");
        }
        if (pattern.contains("/networks/")) {
            return pick.nextBoolean() ? fixtures.get("network") : PRIVATE;
        }
        if (pattern.contains("/subnets/")) {
            return pick.nextBoolean() ? fixtures.get("subnet") : PRIVATE_SUBNET;
        }
        if (pattern.contains("/ports/")) {
            return fixtures.get("port");
        }
        if (pattern.contains("/projects/")) {
            return fixtures.get(pick.nextBoolean() ? "adminProject" : "demoProject");
        }
        if (pattern.contains("/users/")) {
            return fixtures.get("user");
        }
        if (pattern.contains("/roles/")) {
            return fixtures.get("role");
        }
        if (pattern.contains("/domains/")) {
            return "default";
        }
        return null;
    }

    /** A valid body of each route that takes one; the generator bends them. */
    private static Map<Route, List<String>> examples() {
        Map<Route, List<String>> examples = new LinkedHashMap<>();
        String server = "/compute/v2.1/servers";
        examples.put(new Route("POST", server), List.of("""
                {"server": {"name": "h", "flavorRef": "1", "imageRef": "%s", "networks": "auto", "min_count": 1,
                 "max_count": 1, "metadata": {"a": "b"}, "key_name": "hostile-kp", "availability_zone": "nova"}}""".formatted(CIRROS)));
        examples.put(new Route("PUT", server + "/{id}"), List.of("{\"server\": {\"name\": \"renamed\"}}"));
        examples.put(
                new Route("POST", server + "/{id}/action"),
                List.of(
                        "{\"os-stop\": null}",
                        "{\"os-start\": null}",
                        "{\"reboot\": {\"type\": \"SOFT\"}}",
                        "{\"pause\": null}",
                        "{\"unpause\": null}",
                        "{\"lock\": null}",
                        "{\"unlock\": null}",
                        "{\"os-getConsoleOutput\": {\"length\": 10}}",
                        "{\"createImage\": {\"name\": \"snap\", \"metadata\": {}}}",
                        "{\"resize\": {\"flavorRef\": \"2\"}}",
                        "{\"confirmResize\": null}",
                        "{\"changePassword\": {\"adminPass\": \"x\"}}",
                        "{\"rebuild\": {\"imageRef\": \"" + CIRROS + "\"}}",
                        "{\"shelve\": null}",
                        "{\"unshelve\": null}",
                        "{\"suspend\": null}",
                        "{\"rescue\": null}",
                        "{\"os-resetState\": {\"state\": \"active\"}}",
                        "{\"migrate\": null}"));
        examples.put(new Route("PUT", server + "/{id}/metadata"), List.of("{\"metadata\": {\"k\": \"v\"}}"));
        examples.put(new Route("POST", server + "/{id}/metadata"), List.of("{\"metadata\": {\"k2\": \"v\"}}"));
        examples.put(new Route("PUT", server + "/{id}/metadata/{key}"), List.of("{\"meta\": {\"k\": \"v2\"}}"));
        examples.put(new Route("POST", "/compute/v2.1/flavors"), List.of("""
                {"flavor": {"name": "hf", "ram": 512, "vcpus": 1, "disk": 1, "id": "hf-1", "swap": 0,
                 "os-flavor-access:is_public": true}}"""));
        examples.put(
                new Route("POST", "/compute/v2.1/flavors/{id}/os-extra_specs"),
                List.of("{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\"}}"));
        examples.put(
                new Route("PUT", "/compute/v2.1/flavors/{id}/os-extra_specs/{key}"),
                List.of("{\"hw:cpu_policy\": \"shared\"}"));
        examples.put(
                new Route("POST", "/compute/v2.1/os-keypairs"),
                List.of(
                        "{\"keypair\": {\"name\": \"kp2\", \"public_key\": \"" + ed25519Key("c") + "\"}}",
                        // A comment that fills the column: issue 12's overflow.
                        "{\"keypair\": {\"name\": \"kp3\", \"type\": \"ssh\", \"public_key\": \""
                                + ed25519Key("c".repeat(65_500)) + "\"}}"));
        examples.put(
                new Route("POST", "/compute/v2.1/os-server-groups"),
                List.of("{\"server_group\": {\"name\": \"g\", \"policies\": [\"affinity\"]}}"));
        examples.put(
                new Route("PUT", "/compute/v2.1/os-quota-sets/{projectId}"),
                List.of("{\"quota_set\": {\"instances\": 10, \"cores\": 20}}"));
        examples.put(
                new Route("PUT", "/compute/v2.1/os-services/{action}"),
                List.of("{\"host\": \"" + fixtures.get("hostname") + "\", \"binary\": \"nova-compute\","
                        + " \"disabled_reason\": \"x\"}"));
        examples.put(new Route("POST", "/identity/v3/auth/tokens"), List.of("""
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                         "domain": {"id": "default"}, "password": "demo"}}},
                         "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}}""", """
                        {"auth": {"identity": {"methods": ["token"], "token": {"id": "%s"}},
                         "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}}""".formatted(demo.token())));
        examples.put(new Route("POST", "/network/v2.0/networks"), List.of("""
                {"network": {"name": "hn", "admin_state_up": true, "mtu": 1400, "description": "d"}}"""));
        examples.put(new Route("POST", "/network/v2.0/subnets"), List.of("""
                {"subnet": {"network_id": "%s", "cidr": "10.67.0.0/24", "ip_version": 4, "name": "s",
                 "allocation_pools": [{"start": "10.67.0.10", "end": "10.67.0.20"}], "gateway_ip": "10.67.0.1"}}""".formatted(fixtures.get("network"))));
        examples.put(new Route("POST", "/network/v2.0/ports"), List.of("""
                {"port": {"network_id": "%s", "name": "p", "fixed_ips": [{"subnet_id": "%s"}]}}""".formatted(
                        fixtures.get("network"), fixtures.get("subnet"))));
        for (String quota : List.of("/network/v2.0/quotas/{projectId}", "/network/v2.0/quotas/{projectId}.json")) {
            examples.put(new Route("PUT", quota), List.of("{\"quota\": {\"port\": 500, \"network\": 100}}"));
        }
        return examples;
    }

    /** An OpenSSH Ed25519 public key line (any 32 bytes are a key) with the given comment. */
    static String ed25519Key(String comment) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[32];
        new Random(comment.length()).nextBytes(key);
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + key.length);
        blob.putInt(type.length).put(type).putInt(key.length).put(key);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " " + comment;
    }
}
