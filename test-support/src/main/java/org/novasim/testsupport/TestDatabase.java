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
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL database for tests, empty and private to the caller.
 *
 * <p>Where a Docker engine answers, a Testcontainers PostgreSQL (one per JVM). Otherwise the server given by
 * {@code NOVASIM_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code NOVASIM_TEST_POSTGRES_USER}, default postgres). Each call creates a new database, dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Server server;

    private TestDatabase() {}

    public static synchronized DatabaseEndpoint create() {
        if (server == null) {
            server = DockerClientFactory.instance().isDockerAvailable() ? container() : local();
        }
        String name = "novasim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.execute("CREATE DATABASE " + name);
        Server owner = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> owner.dropQuietly(name)));
        log.info("test database {} on {}", name, server.adminUrl());
        return new DatabaseEndpoint(server.urlOf(name), server.user(), server.password());
    }

    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Server local() {
        return new Server(
                env("NOVASIM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("NOVASIM_TEST_POSTGRES_USER", "postgres"),
                env("NOVASIM_TEST_POSTGRES_PASSWORD", ""));
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

    private record Server(String adminUrl, String user, String password) {

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
