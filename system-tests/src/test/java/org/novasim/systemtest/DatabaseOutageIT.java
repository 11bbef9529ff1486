package org.novasim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The database going away (issue 12): PostgreSQL stops taking connections to the API's or network-service's
 * database and drops those it had. Requests are a 503 with Retry-After in the API's format, not a 500, a create
 * made meanwhile leaves nothing behind, and the API answers again once the database is back.
 */
class DatabaseOutageIT {

    static Cloud cloud;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        // A pool that gives up on a connection after 2 s (Hikari's default is 30 s) keeps the test short.
        cloud = Cloud.onPostgres()
                .everywhere("spring.datasource.hikari.connection-timeout", 2000)
                .start();
        admin = cloud.client();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void theApiDatabaseAwayIsA503ThatChangesNothing() throws SQLException {
        assertThat(admin.get("/compute/v2.1/flavors").status()).isEqualTo(200);
        try (Outage outage = new Outage(cloud.apiContext())) {
            ApiClient.Response flavors = admin.get("/compute/v2.1/flavors");
            assertThat(flavors.status()).as(flavors.raw().body()).isEqualTo(503);
            assertThat(flavors.header("Retry-After")).isNotBlank();
            assertThat(flavors.body().get("serviceUnavailable").get("message").asString())
                    .contains("database");
            ApiClient.Response keypair = admin.post(
                    "/compute/v2.1/os-keypairs",
                    "{\"keypair\": {\"name\": \"during-outage\", \"public_key\": \"" + HostileInputIT.ed25519Key("x")
                            + "\"}}");
            assertThat(keypair.status()).as(keypair.raw().body()).isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/compute/v2.1/flavors").status() == 200);
        assertThat(admin.get("/compute/v2.1/os-keypairs/during-outage").status())
                .as("the refused create left nothing")
                .isEqualTo(404);
    }

    @Test
    void theNetworkDatabaseAwayIsA503InNeutronsFormatThatChangesNothing() throws SQLException {
        assertThat(admin.get("/network/v2.0/networks").status()).isEqualTo(200);
        try (Outage outage = new Outage(cloud.networkContext())) {
            ApiClient.Response networks = admin.get("/network/v2.0/networks");
            assertThat(networks.status()).as(networks.raw().body()).isEqualTo(503);
            assertThat(networks.header("Retry-After")).isNotBlank();
            assertThat(networks.body().get("NeutronError").get("type").asString())
                    .isEqualTo("ServiceUnavailable");
            ApiClient.Response created =
                    admin.post("/network/v2.0/networks", "{\"network\": {\"name\": \"during-outage\"}}");
            assertThat(created.status()).as(created.raw().body()).isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/network/v2.0/networks").status() == 200);
        assertThat(admin.get("/network/v2.0/networks?name=during-outage").body().get("networks"))
                .as("the refused create left nothing")
                .isEmpty();
    }

    /** A service's database refusing connections, and dropping those it had, until closed. */
    private static final class Outage implements AutoCloseable {

        private final Connection postgres;
        private final String database;

        Outage(ConfigurableApplicationContext service) throws SQLException {
            Environment settings = service.getEnvironment();
            String url = settings.getRequiredProperty("spring.datasource.url");
            database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
            postgres = DriverManager.getConnection(
                    url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                    settings.getProperty("spring.datasource.username"),
                    settings.getProperty("spring.datasource.password"));
            try (Statement statement = postgres.createStatement()) {
                statement.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            }
            try (PreparedStatement terminate = postgres.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                terminate.setString(1, database);
                terminate.executeQuery().close();
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement statement = postgres.createStatement()) {
                statement.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            } finally {
                postgres.close();
            }
        }
    }
}
