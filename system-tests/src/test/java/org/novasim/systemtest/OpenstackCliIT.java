package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of issue 5: the real {@code openstack} CLI drives novasim unchanged. CI installs the CLI
 * (.ci/run) and sets NOVASIM_REQUIRE_OPENSTACK_CLI=1, so there a missing CLI fails the test instead of skipping it.
 */
class OpenstackCliIT {

    static Cloud cloud;
    static OpenstackCli demo;
    static OpenstackCli admin;

    @BeforeAll
    static void start() {
        boolean required = "1".equals(System.getenv("NOVASIM_REQUIRE_OPENSTACK_CLI"));
        if (!required) {
            Assumptions.assumeTrue(OpenstackCli.installed(), "the openstack CLI is not installed");
        }
        cloud = Cloud.onH2().start();
        String authUrl = cloud.client().base() + "/identity/v3";
        demo = new OpenstackCli(authUrl, "demo", "demo", "demo");
        admin = new OpenstackCli(authUrl, "admin", "admin", "admin");
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theDemoUserLaunchesStopsStartsAndDeletesAServer() {
        assertThat(names(demo.ok("flavor", "list", "-f", "json").json(), "Name"))
                .contains("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
        assertThat(names(demo.ok("image", "list", "-f", "json").json(), "Name")).contains("cirros");
        assertThat(names(demo.ok("network", "list", "-f", "json").json(), "Name"))
                .contains("private");

        OpenstackCli.Result keypair = demo.ok("keypair", "create", "k1");
        assertThat(keypair.stdout()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(names(demo.ok("keypair", "list", "-f", "json").json(), "Name"))
                .containsExactly("k1");

        JsonNode created = demo.ok(
                        "server",
                        "create",
                        "--flavor",
                        "m1.small",
                        "--image",
                        "cirros",
                        "--network",
                        "private",
                        "--key-name",
                        "k1",
                        "--wait",
                        "-f",
                        "json",
                        "vm1")
                .json();
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");

        JsonNode list = demo.ok("server", "list", "-f", "json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("Name").asString()).isEqualTo("vm1");
        assertThat(list.get(0).get("Status").asString()).isEqualTo("ACTIVE");

        JsonNode shown = demo.ok("server", "show", "vm1", "-f", "json").json();
        assertThat(shown.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(shown.get("key_name").asString()).isEqualTo("k1");
        assertThat(shown.get("addresses").toString()).contains("private").contains("10.0.0.");
        assertThat(shown.get("flavor").asString()).contains("m1.small");

        JsonNode events =
                demo.ok("server", "event", "list", "vm1", "-f", "json").json();
        assertThat(names(events, "Action")).contains("create");

        demo.ok("server", "stop", "vm1");
        awaitStatus("vm1", "SHUTOFF");
        demo.ok("server", "start", "vm1");
        awaitStatus("vm1", "ACTIVE");

        demo.ok("server", "delete", "--wait", "vm1");
        assertThat(demo.ok("server", "list", "-f", "json").json()).isEmpty();
    }

    @Test
    void theAdminSeesHypervisorsServicesAndQuotas() {
        JsonNode hypervisors = admin.ok("hypervisor", "list", "-f", "json").json();
        assertThat(names(hypervisors, "Hypervisor Hostname"))
                .containsExactlyInAnyOrder("compute-1", "compute-2", "compute-3", "compute-4");

        JsonNode services = admin.ok("compute", "service", "list", "-f", "json").json();
        assertThat(names(services, "Binary")).contains("nova-compute");
        assertThat(names(services, "State")).containsOnly("up");

        JsonNode quota = admin.ok("quota", "show", "demo", "-f", "json").json();
        assertThat(quota.get("instances").asInt()).isEqualTo(10);
        assertThat(quota.get("cores").asInt()).isEqualTo(20);
        assertThat(quota.get("ram").asInt()).isEqualTo(51200);
        assertThat(quota.get("ports").asInt()).isEqualTo(500);

        // Neutron's quotas, through the network API, as the CLI sets them.
        admin.ok("quota", "set", "--ports", "600", "--networks", "-1", "demo");
        JsonNode set = admin.ok("quota", "show", "demo", "-f", "json").json();
        assertThat(set.get("ports").asInt()).isEqualTo(600);
        assertThat(set.get("networks").asInt()).isEqualTo(-1);
        admin.ok("quota", "set", "--ports", "500", "--networks", "100", "demo");
    }

    @Test
    void aMemberIsRefusedAdminCommands() {
        OpenstackCli.Result refused = demo.run("hypervisor", "list");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("403");
    }

    private static void awaitStatus(String server, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> status.equals(demo.ok("server", "show", server, "-f", "value", "-c", "status")
                        .stdout()
                        .trim()));
    }

    private static List<String> names(JsonNode rows, String column) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get(column).asString()));
        return names;
    }
}
