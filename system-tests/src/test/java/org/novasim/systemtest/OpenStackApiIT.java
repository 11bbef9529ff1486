package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenStack APIs as clients see them: authentication and its failures, project isolation, admin-only APIs,
 * quotas, microversion negotiation, keypairs, metadata and the image service.
 */
class OpenStackApiIT {

    static final String CIRROS = LaunchPipelineIT.CIRROS;
    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxOmm0DQtQfSR2zkE0p8j/eQ6llQ6E14/PasDRZrvbq test@novasim";

    static Cloud cloud;
    static ApiClient admin;
    static ApiClient demo;

    @BeforeAll
    static void start() {
        cloud = Cloud.onH2().start();
        admin = cloud.client();
        demo = admin.as("demo", "demo", "demo");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void identityAnswersVersionDocumentsAndTokens() {
        ApiClient anonymous = admin.withToken(null);
        assertThat(anonymous.get("/identity").status()).isEqualTo(300);
        JsonNode v3 = anonymous.get("/identity/v3").body().get("version");
        assertThat(v3.get("id").asString()).isEqualTo("v3.14");
        assertThat(v3.get("status").asString()).isEqualTo("stable");
        // The root answers as Keystone's does, so an auth URL without /identity/v3 finds the identity API.
        ApiClient.Response root = anonymous.get("/");
        assertThat(root.status()).isEqualTo(300);
        JsonNode listed = root.body().get("versions").get("values").get(0);
        assertThat(listed.get("id").asString()).isEqualTo("v3.14");
        assertThat(listed.get("links").get(0).get("href").asString()).isEqualTo(admin.base() + "/identity/v3/");

        ApiClient.Response issued = anonymous.post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "demo"}}}, "scope": {"project": {"name": "demo",
                 "domain": {"name": "Default"}}}}}""");
        assertThat(issued.status()).isEqualTo(201);
        JsonNode token = issued.body().get("token");
        assertThat(token.get("project").get("name").asString()).isEqualTo("demo");
        assertThat(token.get("user").get("domain").get("id").asString()).isEqualTo("default");
        assertThat(names(token.get("roles"), "name")).containsExactlyInAnyOrder("member", "reader");
        assertThat(token.get("expires_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        JsonNode compute = null;
        for (JsonNode service : token.get("catalog")) {
            if (service.get("type").asString().equals("compute")) {
                compute = service;
            }
        }
        assertThat(compute).isNotNull();
        assertThat(names(compute.get("endpoints"), "interface"))
                .containsExactlyInAnyOrder("public", "internal", "admin");
        JsonNode endpoint = compute.get("endpoints").get(0);
        assertThat(endpoint.get("url").asString()).isEqualTo(admin.base() + "/compute/v2.1");
        assertThat(endpoint.get("region").asString()).isEqualTo("RegionOne");
        assertThat(endpoint.get("region_id").asString()).isEqualTo("RegionOne");

        String demoToken = issued.header("X-Subject-Token");
        ApiClient.Response validated =
                admin.send("GET", "/identity/v3/auth/tokens", null, "X-Subject-Token", demoToken);
        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.body().get("token").get("user").get("name").asString())
                .isEqualTo("demo");

        assertThat(admin.send("DELETE", "/identity/v3/auth/tokens", null, "X-Subject-Token", demoToken)
                        .status())
                .isEqualTo(204);
        assertUnauthorized(admin.withToken(demoToken).get("/compute/v2.1/servers"));
    }

    @Test
    void everyApiNeedsAValidTokenAndSaysSoLikeKeystone() {
        assertUnauthorized(admin.withToken(null).get("/compute/v2.1/servers"));
        assertUnauthorized(admin.withToken("gAAAAAforged").get("/compute/v2.1/flavors"));
        assertUnauthorized(admin.withToken(null).get("/image/v2/images"));
        assertUnauthorized(admin.withToken(null).get("/network/v2.0/networks"));
        assertUnauthorized(admin.withToken(null).get("/identity/v3/projects"));

        ApiClient.Response wrongPassword = admin.withToken(null).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"id": "default"}, "password": "wrong"}}}}}""");
        assertUnauthorized(wrongPassword);
        ApiClient.Response noRoleThere = admin.withToken(null).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"id": "default"}, "password": "demo"}}}, "scope": {"project": {"name": "admin",
                 "domain": {"id": "default"}}}}}""");
        assertUnauthorized(noRoleThere);
        ApiClient.Response malformed = admin.withToken(null).post("/identity/v3/auth/tokens", "{\"auth\": {}}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("error").get("code").asInt()).isEqualTo(400);

        // Version documents need no token, as in OpenStack.
        assertThat(admin.withToken(null).get("/compute/v2.1").status()).isEqualTo(200);
        assertThat(admin.withToken(null).get("/image").status()).isEqualTo(300);
    }

    @Test
    void aProjectSeesAndTouchesOnlyItsOwnServers() {
        String adminServer = admin.launch("admin-vm", "1", CIRROS);
        String demoServer = demo.launch("demo-vm", "1", CIRROS);
        demo.waitForStatus(demoServer, "ACTIVE", Duration.ofSeconds(20));

        assertThat(demo.get("/compute/v2.1/servers/" + adminServer).status()).isEqualTo(404);
        assertThat(demo.delete("/compute/v2.1/servers/" + adminServer).status()).isEqualTo(404);
        assertThat(demo.get("/compute/v2.1/servers/" + adminServer + "/metadata")
                        .status())
                .isEqualTo(404);
        assertThat(ids(demo.get("/compute/v2.1/servers").body()))
                .contains(demoServer)
                .doesNotContain(adminServer);
        assertThat(ids(admin.get("/compute/v2.1/servers").body()))
                .contains(adminServer)
                .doesNotContain(demoServer);
        assertThat(ids(admin.get("/compute/v2.1/servers/detail?all_tenants=1").body()))
                .contains(adminServer, demoServer);
        assertThat(admin.get("/compute/v2.1/servers/" + demoServer).status())
                .as("admin sees any server")
                .isEqualTo(200);

        JsonNode asDemo = demo.get("/compute/v2.1/servers/" + demoServer).body().get("server");
        assertThat(asDemo.has("OS-EXT-SRV-ATTR:host"))
                .as("host fields are admin-only")
                .isFalse();
        assertThat(asDemo.get("hostId").asString()).isNotEmpty();
        JsonNode asAdmin =
                admin.get("/compute/v2.1/servers/" + demoServer).body().get("server");
        assertThat(asAdmin.get("OS-EXT-SRV-ATTR:host").asString()).startsWith("compute-");
        assertThat(asAdmin.get("hostId").asString())
                .as("hostId hashes the project")
                .isEqualTo(asDemo.get("hostId").asString());

        assertForbidden(demo.get("/compute/v2.1/servers?all_tenants=1"));
        assertForbidden(demo.post("/compute/v2.1/flavors", """
                {"flavor": {"name": "mine", "ram": 64, "vcpus": 1, "disk": 1}}"""));
        assertForbidden(demo.put("/compute/v2.1/os-quota-sets/x", "{\"quota_set\": {\"instances\": 99}}"));

        admin.delete("/compute/v2.1/servers/" + adminServer);
        demo.delete("/compute/v2.1/servers/" + demoServer);
    }

    @Test
    void quotasRefuseWhatWouldGoOverAndLeaveNothingBehind() {
        ApiClient quotaUser = demo;
        String project = quotaUser
                .get("/identity/v3/auth/projects")
                .body()
                .get("projects")
                .get(0)
                .get("id")
                .asString();
        JsonNode quota =
                admin.get("/compute/v2.1/os-quota-sets/" + project).body().get("quota_set");
        assertThat(quota.get("instances").asInt()).isEqualTo(10);
        assertThat(quota.get("cores").asInt()).isEqualTo(20);
        assertThat(quota.get("ram").asInt()).isEqualTo(51200);
        assertThat(quota.get("key_pairs").asInt()).isEqualTo(100);

        int before =
                quotaUser.get("/compute/v2.1/servers").body().get("servers").size();
        // m1.medium has 2 vCPUs: cores left for (limit - used) / 2 of them.
        assertThat(admin.put(
                                "/compute/v2.1/os-quota-sets/" + project,
                                "{\"quota_set\": {\"cores\": " + (2 * before + 4) + "}}")
                        .status())
                .isEqualTo(200);
        try {
            ApiClient.Response tooMany = quotaUser.post("/compute/v2.1/servers", """
                    {"server": {"name": "q", "flavorRef": "3", "imageRef": "%s", "min_count": 3}}""".formatted(CIRROS));
            assertForbidden(tooMany);
            assertThat(tooMany.body().get("forbidden").get("message").asString())
                    .startsWith("Quota exceeded for cores: Requested 6, but already used");
            assertThat(quotaUser.get("/compute/v2.1/servers").body().get("servers"))
                    .as("nothing half-created")
                    .hasSize(before);

            ApiClient.Response fitting = quotaUser.post("/compute/v2.1/servers", """
                    {"server": {"name": "q", "flavorRef": "3", "imageRef": "%s", "min_count": 1, "max_count": 5}}""".formatted(CIRROS));
            assertThat(fitting.status()).isEqualTo(202);
            assertThat(quotaUser.get("/compute/v2.1/servers?name=%5Eq-").body().get("servers"))
                    .as("as many as the quota allows, between min and max")
                    .hasSize(2);

            JsonNode limits =
                    quotaUser.get("/compute/v2.1/limits").body().get("limits").get("absolute");
            assertThat(limits.get("maxTotalCores").asInt()).isEqualTo(2 * before + 4);
            assertThat(limits.get("totalCoresUsed").asInt()).isEqualTo(2 * before + 4);
        } finally {
            admin.delete("/compute/v2.1/os-quota-sets/" + project);
            quotaUser
                    .get("/compute/v2.1/servers?name=%5Eq-")
                    .body()
                    .get("servers")
                    .forEach(server -> quotaUser.delete(
                            "/compute/v2.1/servers/" + server.get("id").asString()));
        }
    }

    @Test
    void microversionsAreNegotiatedAndEchoed() {
        ApiClient.Response plain = admin.get("/compute/v2.1/flavors");
        assertThat(plain.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(plain.header("Vary")).contains("OpenStack-API-Version");

        ApiClient.Response latest =
                admin.send("GET", "/compute/v2.1/flavors", null, "OpenStack-API-Version", "compute latest");
        String max = admin.withToken(null)
                .get("/compute/v2.1")
                .body()
                .get("version")
                .get("version")
                .asString();
        assertThat(latest.header("OpenStack-API-Version")).isEqualTo("compute " + max);

        ApiClient.Response tooNew =
                admin.send("GET", "/compute/v2.1/flavors", null, "OpenStack-API-Version", "compute 2.99");
        assertThat(tooNew.status()).isEqualTo(406);
        assertThat(tooNew.body().get("computeFault").get("message").asString())
                .contains("Version 2.99 is not supported");

        ApiClient.Response legacy =
                admin.send("GET", "/compute/v2.1/flavors", null, "X-OpenStack-Nova-API-Version", "2.2");
        assertThat(legacy.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.2");
        assertThat(admin.withToken(null)
                        .get("/compute")
                        .body()
                        .get("versions")
                        .get(0)
                        .get("min_version")
                        .asString())
                .isEqualTo("2.1");
    }

    @Test
    void keypairsBelongToTheirUserAndFollowTheirMicroversion() {
        ApiClient.Response generated = demo.post("/compute/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"gen\"}}");
        assertThat(generated.status()).as("200 at 2.1").isEqualTo(200);
        assertThat(generated.body().get("keypair").get("private_key").asString())
                .startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(generated.body().get("keypair").has("type")).isFalse();

        ApiClient.Response imported = demo.send(
                "POST", "/compute/v2.1/os-keypairs", """
                {"keypair": {"name": "mine", "public_key": "%s", "type": "ssh"}}""".formatted(ED25519), "OpenStack-API-Version", "compute 2.2");
        assertThat(imported.status()).as("201 from 2.2").isEqualTo(201);
        assertThat(imported.body().get("keypair").get("fingerprint").asString())
                .isEqualTo("8b:0b:27:d8:4b:79:52:30:d0:d4:dc:eb:54:db:fe:f0");
        assertThat(imported.body().get("keypair").has("private_key")).isFalse();

        assertThat(demo.post("/compute/v2.1/os-keypairs", """
                {"keypair": {"name": "bad", "public_key": "ssh-rsa AAAAnotakey"}}""").status()).isEqualTo(400);
        assertThat(demo.post("/compute/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"gen\"}}")
                        .status())
                .isEqualTo(409);
        assertThat(names(demo.get("/compute/v2.1/os-keypairs").body().get("keypairs"), "keypair", "name"))
                .containsExactly("gen", "mine");
        assertThat(admin.get("/compute/v2.1/os-keypairs/mine").status())
                .as("another user's key")
                .isEqualTo(404);

        String server = demo.launch("keyed", "1", CIRROS);
        ApiClient.Response withKey = demo.post("/compute/v2.1/servers", """
                {"server": {"name": "k", "flavorRef": "1", "imageRef": "%s", "key_name": "mine"}}""".formatted(CIRROS));
        assertThat(withKey.status()).isEqualTo(202);
        String keyed = withKey.body().get("server").get("id").asString();
        assertThat(demo.get("/compute/v2.1/servers/" + keyed)
                        .body()
                        .get("server")
                        .get("key_name")
                        .asString())
                .isEqualTo("mine");
        assertThat(demo.post("/compute/v2.1/servers", """
                {"server": {"name": "k", "flavorRef": "1", "imageRef": "%s", "key_name": "nope"}}""".formatted(CIRROS)).status())
                .isEqualTo(400);

        assertThat(demo.delete("/compute/v2.1/os-keypairs/gen").status())
                .as("202 at 2.1")
                .isEqualTo(202);
        assertThat(demo.send("DELETE", "/compute/v2.1/os-keypairs/mine", null, "OpenStack-API-Version", "compute 2.2")
                        .status())
                .as("204 from 2.2")
                .isEqualTo(204);
        demo.delete("/compute/v2.1/servers/" + server);
        demo.delete("/compute/v2.1/servers/" + keyed);
    }

    @Test
    void serversCarryMetadataCanBeRenamedAndFiltered() {
        ApiClient.Response created = demo.post("/compute/v2.1/servers", """
                {"server": {"name": "meta-vm", "flavorRef": "1", "imageRef": "%s", "metadata": {"role": "web"}}}""".formatted(CIRROS));
        String id = created.body().get("server").get("id").asString();
        demo.waitForStatus(id, "ACTIVE", Duration.ofSeconds(20));

        assertThat(demo.get("/compute/v2.1/servers/" + id + "/metadata")
                        .body()
                        .get("metadata")
                        .get("role")
                        .asString())
                .isEqualTo("web");
        demo.post("/compute/v2.1/servers/" + id + "/metadata", "{\"metadata\": {\"tier\": \"1\"}}");
        assertThat(demo.put("/compute/v2.1/servers/" + id + "/metadata/tier", "{\"meta\": {\"tier\": \"2\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(demo.put("/compute/v2.1/servers/" + id + "/metadata/tier", "{\"meta\": {\"other\": \"2\"}}")
                        .status())
                .isEqualTo(400);
        JsonNode shown = demo.get("/compute/v2.1/servers/" + id).body().get("server");
        assertThat(shown.get("metadata").toString()).isEqualTo("{\"role\":\"web\",\"tier\":\"2\"}");
        assertThat(demo.delete("/compute/v2.1/servers/" + id + "/metadata/role").status())
                .isEqualTo(204);

        JsonNode renamed = demo.put("/compute/v2.1/servers/" + id, "{\"server\": {\"name\": \"renamed\"}}")
                .body()
                .get("server");
        assertThat(renamed.get("name").asString()).isEqualTo("renamed");
        assertThat(ids(demo.get("/compute/v2.1/servers?name=%5Eren").body())).contains(id);
        assertThat(ids(demo.get("/compute/v2.1/servers?name=%5Emeta").body())).doesNotContain(id);
        assertThat(ids(demo.get("/compute/v2.1/servers?status=ACTIVE&flavor=1&image=" + CIRROS)
                        .body()))
                .contains(id);
        assertThat(ids(demo.get("/compute/v2.1/servers?flavor=2").body())).doesNotContain(id);
        demo.delete("/compute/v2.1/servers/" + id);
    }

    @Test
    void theImageServiceListsAndShowsAsGlanceDoes() {
        assertThat(demo.get("/image").status()).isEqualTo(300);
        JsonNode byName = demo.get("/image/v2/images?name=cirros").body().get("images");
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("id").asString()).isEqualTo(CIRROS);
        assertThat(byName.get(0).get("visibility").asString()).isEqualTo("public");
        assertThat(byName.get(0).get("hw_architecture").asString()).isEqualTo("x86_64");
        assertThat(demo.get("/image/v2/images?name=nothing").body().get("images"))
                .isEmpty();
        assertThat(demo.get("/image/v2/images/cirros").status())
                .as("a name is not an id")
                .isEqualTo(404);
        assertThat(demo.get("/image/v2/images/" + CIRROS).body().get("name").asString())
                .isEqualTo("cirros");
    }

    @Test
    void flavorsHaveExtraSpecsAndAdminsManageThem() {
        assertThat(demo.get("/compute/v2.1/flavors/1/os-extra_specs")
                        .body()
                        .get("extra_specs")
                        .size())
                .isZero();
        ApiClient.Response created = admin.post("/compute/v2.1/flavors", """
                {"flavor": {"name": "private.one", "ram": 256, "vcpus": 1, "disk": 1, "id": "p1",
                 "os-flavor-access:is_public": false}}""");
        assertThat(created.status()).isEqualTo(200);
        assertThat(admin.post(
                                "/compute/v2.1/flavors/p1/os-extra_specs",
                                "{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/compute/v2.1/flavors/p1/os-extra_specs")
                        .body()
                        .get("extra_specs")
                        .get("hw:cpu_policy")
                        .asString())
                .isEqualTo("dedicated");
        assertThat(demo.get("/compute/v2.1/flavors/p1").status())
                .as("private flavors are for admins")
                .isEqualTo(404);
        assertThat(names(
                        admin.get("/compute/v2.1/flavors/detail?is_public=None")
                                .body()
                                .get("flavors"),
                        "name"))
                .contains("private.one", "m1.tiny");
        assertThat(names(
                        admin.get("/compute/v2.1/flavors/detail?is_public=True")
                                .body()
                                .get("flavors"),
                        "name"))
                .doesNotContain("private.one");
        assertThat(admin.post("/compute/v2.1/flavors", """
                {"flavor": {"name": "private.one", "ram": 256, "vcpus": 1, "disk": 1}}""").status()).isEqualTo(409);
        assertThat(admin.delete("/compute/v2.1/flavors/p1").status()).isEqualTo(202);
        assertThat(admin.get("/compute/v2.1/flavors/p1").status()).isEqualTo(404);
    }

    @Test
    void membersSeeOnlyTheirOwnIdentity() {
        assertThat(names(demo.get("/identity/v3/projects").body().get("projects"), "name"))
                .containsExactly("demo");
        assertThat(names(admin.get("/identity/v3/projects").body().get("projects"), "name"))
                .contains("admin", "demo");
        assertThat(names(admin.get("/identity/v3/projects?name=demo").body().get("projects"), "name"))
                .containsExactly("demo");
        assertThat(names(demo.get("/identity/v3/users").body().get("users"), "name"))
                .containsExactly("demo");
        assertThat(demo.get("/identity/v3/role_assignments").body().get("role_assignments"))
                .hasSize(1);
        assertThat(admin.get("/identity/v3/role_assignments?include_names=1")
                        .body()
                        .get("role_assignments")
                        .size())
                .isGreaterThanOrEqualTo(2);
    }

    private static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(401);
        assertThat(response.body().get("error").get("code").asInt()).isEqualTo(401);
        assertThat(response.body().get("error").get("title").asString()).isEqualTo("Unauthorized");
    }

    private static void assertForbidden(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(403);
        assertThat(response.body().get("forbidden").get("code").asInt()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode body) {
        return names(body.get("servers"), "id");
    }

    private static List<String> names(JsonNode rows, String... path) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> {
            JsonNode value = row;
            for (String step : path) {
                value = value.get(step);
            }
            values.add(value.asString());
        });
        return values;
    }
}
