package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code openstack} CLI on the admin side of scheduling: hypervisor details, disabling a host and forcing
 * it down, server
 * groups with the group hint, a hard reboot and its events. Skipped where the CLI is not installed, unless
 * CI requires it (NOVASIM_REQUIRE_OPENSTACK_CLI=1), as {@link OpenstackCliIT}.
 */
class OpenstackCliHostsIT {

    static Cloud cloud;
    static OpenstackCli admin;

    @BeforeAll
    static void start() {
        if (!"1".equals(System.getenv("NOVASIM_REQUIRE_OPENSTACK_CLI"))) {
            Assumptions.assumeTrue(OpenstackCli.installed(), "the openstack CLI is not installed");
        }
        cloud = Cloud.onH2().hosts(2).start();
        admin = new OpenstackCli(cloud.client().base() + "/identity/v3", "admin", "admin", "admin");
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theAdminInspectsAndDisablesHosts() {
        JsonNode hypervisor =
                admin.ok("hypervisor", "show", "compute-1", "-f", "json").json();
        assertThat(hypervisor.get("hypervisor_hostname").asString()).isEqualTo("compute-1");
        assertThat(hypervisor.get("vcpus").asInt()).isEqualTo(16);
        assertThat(hypervisor.get("state").asString()).isEqualTo("up");

        admin.ok(
                "compute",
                "service",
                "set",
                "--disable",
                "--disable-reason",
                "maintenance",
                "compute-2",
                "nova-compute");
        JsonNode services = admin.ok("compute", "service", "list", "--service", "nova-compute", "--long", "-f", "json")
                .json();
        assertThat(row(services, "Host", "compute-2").get("Status").asString()).isEqualTo("disabled");
        assertThat(row(services, "Host", "compute-2").get("Disabled Reason").asString())
                .isEqualTo("maintenance");
        admin.ok("compute", "service", "set", "--enable", "compute-2", "nova-compute");

        // Rehearsing a dead host without killing it: forced down (microversion 2.11), then up again.
        admin.ok(
                "--os-compute-api-version", "2.11", "compute", "service", "set", "--down", "compute-2", "nova-compute");
        JsonNode forced = admin.ok(
                        "--os-compute-api-version",
                        "2.11",
                        "compute",
                        "service",
                        "list",
                        "--service",
                        "nova-compute",
                        "--long",
                        "-f",
                        "json")
                .json();
        assertThat(row(forced, "Host", "compute-2").get("State").asString()).isEqualTo("down");
        assertThat(row(forced, "Host", "compute-2").get("Forced Down").asBoolean())
                .isTrue();
        admin.ok("--os-compute-api-version", "2.11", "compute", "service", "set", "--up", "compute-2", "nova-compute");
        JsonNode up = admin.ok("compute", "service", "list", "--service", "nova-compute", "-f", "json")
                .json();
        assertThat(row(up, "Host", "compute-2").get("State").asString()).isEqualTo("up");
    }

    @Test
    void aServerJoinsItsGroupRebootsHardAndShowsTheEvents() {
        String group = admin.ok("server", "group", "create", "--policy", "anti-affinity", "-f", "json", "apart")
                .json()
                .get("id")
                .asString();
        JsonNode server = admin.ok(
                        "server",
                        "create",
                        "--flavor",
                        "m1.tiny",
                        "--image",
                        "cirros",
                        "--hint",
                        "group=" + group,
                        "--wait",
                        "-f",
                        "json",
                        "member")
                .json();
        assertThat(cloud.client()
                        .get("/compute/v2.1/os-server-groups/" + group)
                        .body()
                        .get("server_group")
                        .get("members")
                        .toString())
                .contains(server.get("id").asString());

        admin.ok("server", "reboot", "--hard", "--wait", "member");
        JsonNode events =
                admin.ok("server", "event", "list", "member", "-f", "json").json();
        assertThat(names(events, "Action")).containsExactly("reboot", "create");
        JsonNode reboot = admin.ok(
                        "server",
                        "event",
                        "show",
                        "member",
                        events.get(0).get("Request ID").asString(),
                        "-f",
                        "json")
                .json();
        assertThat(reboot.get("events").toString())
                .contains("compute_reboot_instance")
                .contains("Success");

        OpenstackCli.Result refused = admin.run("server", "start", "member");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr())
                .contains("Cannot 'start' instance")
                .contains("vm_state active")
                .contains("409");
        admin.ok("server", "delete", "member");
    }

    private static JsonNode row(JsonNode rows, String column, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(column).asString())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " " + value + " in " + rows);
    }

    private static List<String> names(JsonNode rows, String column) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get(column).asString()));
        return names;
    }
}
