package org.novasim.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL database for tests, empty and private to the caller.
 *
 * <p>Where a Docker engine answers, a Testcontainers PostgreSQL (one per JVM, removed when it exits; image and
 * choice as {@link TestContainers} says). Otherwise the server given by
 * {@code NOVASIM_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code NOVASIM_TEST_POSTGRES_USER}, default postgres). Each call creates a new database, dropped when the JVM exits
 * (on the local server; a container's go with the container).
 */
public final class TestDatabase {

    /** The image docker-compose.yml and the tests use by default; a local one stands in where none can be pulled. */
    public static final String OFFICIAL_IMAGE = "postgres:16-alpine";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Server server;

    private TestDatabase() {}

    public static synchronized DatabaseEndpoint create() {
        if (server == null) {
            server = TestContainers.usable("postgres", OFFICIAL_IMAGE)
                    .map(TestDatabase::container)
                    .orElseGet(TestDatabase::local);
        }
        String name = "novasim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.execute("CREATE DATABASE " + name);
        Server owner = server;
        if (!owner.disposable()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> owner.dropQuietly(name)));
        }
        log.info("test database {} on {}", name, server.adminUrl());
        return new DatabaseEndpoint(server.urlOf(name), server.user(), server.password());
    }

    private static Server container(DockerImageName image) {
        PostgreSQLContainer container = TestContainers.start(new PostgreSQLContainer(image), "test database server");
        return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), true);
    }

    private static Server local() {
        return new Server(
                env("NOVASIM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("NOVASIM_TEST_POSTGRES_USER", "postgres"),
                env("NOVASIM_TEST_POSTGRES_PASSWORD", ""),
                false);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record DatabaseEndpoint(String url, String username, String password) {

        public Map<String, Object> springProperties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", username);
            properties.put("spring.datasource.password", password);
            return properties;
        }
    }

    /** A server; a disposable one (a container) goes away with this JVM, and its databases with it. */
    private record Server(String adminUrl, String user, String password, boolean disposable) {

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL at " + adminUrl + " refused '" + sql + "': " + e.getMessage(), e);
            }
        }

        void dropQuietly(String database) {
            try {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                log.warn("could not drop test database {}: {}", database, e.getMessage());
            }
        }
    }
}
