package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of issue 14's server actions: the real {@code openstack} CLI resizes and confirms, migrates,
 * shelves and unshelves, pauses, suspends, locks, rebuilds, snapshots a server and shows its console log. Required
 * in CI, as {@link OpenstackCliIT} is.
 */
class OpenstackCliActionsIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static Cloud cloud;
    static OpenstackCli demo;
    static OpenstackCli admin;
    static ApiClient api;

    @BeforeAll
    static void start() {
        if (!"1".equals(System.getenv("NOVASIM_REQUIRE_OPENSTACK_CLI"))) {
            Assumptions.assumeTrue(OpenstackCli.installed(), "the openstack CLI is not installed");
        }
        cloud = Cloud.onH2().start();
        api = cloud.client();
        String authUrl = api.base() + "/identity/v3";
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
    void theCliDrivesEveryServerAction() {
        String id = demo.ok(
                        "server",
                        "create",
                        "--flavor",
                        "m1.tiny",
                        "--image",
                        "cirros",
                        "--network",
                        "private",
                        "--wait",
                        "-f",
                        "value",
                        "-c",
                        "id",
                        "vm2")
                .stdout()
                .trim();
        String firstHost = host(id);

        demo.ok("server", "resize", "--flavor", "m1.small", "vm2");
        awaitStatus(id, "VERIFY_RESIZE");
        demo.ok("server", "resize", "confirm", "vm2");
        awaitStatus(id, "ACTIVE");
        assertThat(demo.ok("server", "show", "vm2", "-f", "value", "-c", "flavor")
                        .stdout())
                .contains("m1.small");
        assertThat(host(id)).isNotEqualTo(firstHost);

        String beforeMigration = host(id);
        admin.ok("server", "migrate", id);
        awaitStatus(id, "VERIFY_RESIZE");
        assertThat(host(id)).isNotEqualTo(beforeMigration);
        admin.ok("server", "resize", "confirm", id);
        awaitStatus(id, "ACTIVE");
        JsonNode migrations =
                admin.ok("server", "migration", "list", "-f", "json").json();
        assertThat(migrations).hasSize(2);

        demo.ok("server", "pause", "vm2");
        awaitStatus(id, "PAUSED");
        demo.ok("server", "unpause", "vm2");
        awaitStatus(id, "ACTIVE");

        demo.ok("server", "suspend", "vm2");
        awaitStatus(id, "SUSPENDED");
        demo.ok("server", "resume", "vm2");
        awaitStatus(id, "ACTIVE");

        demo.ok("server", "lock", "vm2");
        OpenstackCli.Result refused = demo.run("server", "pause", "vm2");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("is locked").contains("409");
        demo.ok("server", "unlock", "vm2");

        demo.ok("server", "rebuild", "--image", "cirros", "--wait", "vm2");
        awaitStatus(id, "ACTIVE");

        demo.ok("server", "image", "create", "--name", "vm2-snap", "--wait", "vm2");
        assertThat(demo.ok("image", "show", "vm2-snap", "-f", "value", "-c", "status")
                        .stdout()
                        .trim())
                .isEqualTo("active");

        assertThat(demo.ok("console", "log", "show", "--lines", "1", "vm2").stdout())
                .contains("LAST LINE")
                .doesNotContain("FAKE CONSOLE OUTPUT");

        demo.ok("server", "shelve", "vm2");
        awaitStatus(id, "SHELVED_OFFLOADED");
        demo.ok("server", "unshelve", "vm2");
        awaitStatus(id, "ACTIVE");

        JsonNode events =
                demo.ok("server", "event", "list", "vm2", "-f", "json").json();
        assertThat(events.findValuesAsString("Action"))
                .contains(
                        "create",
                        "resize",
                        "confirmResize",
                        "migrate",
                        "pause",
                        "suspend",
                        "lock",
                        "rebuild",
                        "createImage",
                        "shelve",
                        "unshelve");

        demo.ok("server", "delete", "--wait", "vm2");
    }

    private static String host(String id) {
        return api.get("/compute/v2.1/servers/" + id)
                .body()
                .get("server")
                .get("OS-EXT-SRV-ATTR:host")
                .asString();
    }

    /** Waits through the API (cheaper than the CLI on a loaded machine) for the status the CLI will show. */
    private static void awaitStatus(String id, String status) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(api.get("/compute/v2.1/servers/" + id)
                        .body()
                        .get("server")
                        .get("status")
                        .asString()));
    }
}
