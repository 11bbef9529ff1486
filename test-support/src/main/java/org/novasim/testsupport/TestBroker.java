package org.novasim.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real RabbitMQ for tests, isolated from every other test run on the same broker.
 *
 * <p>Where a Docker engine answers, a Testcontainers RabbitMQ (one per JVM, removed when it exits; image and choice
 * as {@link TestContainers} says). Otherwise the broker configured by {@code NOVASIM_TEST_RABBITMQ_HOST}/{@code
 * _PORT}/{@code _USER}/{@code _PASSWORD}/{@code _MANAGEMENT_PORT} (default 127.0.0.1:5672, guest/guest, management
 * on 15672), with a fresh virtual host created through the management API and deleted when the JVM exits.
 */
public final class TestBroker {

    /** The image docker-compose.yml and the tests use by default; a local one stands in where none can be pulled. */
    public static final String OFFICIAL_IMAGE = "rabbitmq:3.13-management";

    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);
    private static BrokerEndpoint shared;
    private static boolean inContainer;

    private TestBroker() {}

    /** The broker of this test JVM, started or prepared on first use. */
    public static synchronized BrokerEndpoint get() {
        if (shared == null) {
            Optional<DockerImageName> image = TestContainers.usable("rabbitmq", OFFICIAL_IMAGE);
            inContainer = image.isPresent();
            shared = image.map(TestBroker::container).orElseGet(TestBroker::localVirtualHost);
        }
        return shared;
    }

    /** Another isolated virtual host on the same broker, for a test that must not share even with its JVM. */
    public static synchronized BrokerEndpoint isolated() {
        BrokerEndpoint base = get();
        return base.managementPort() > 0
                ? createVirtualHost(
                        base.host(), base.port(), base.username(), base.password(), base.managementPort(), !inContainer)
                : base;
    }

    private static BrokerEndpoint container(DockerImageName image) {
        RabbitMQContainer container = TestContainers.start(new RabbitMQContainer(image), "test broker");
        log.info("test broker: RabbitMQ at {}, management on port {}", container.getAmqpUrl(), container.getHttpPort());
        return new BrokerEndpoint(
                container.getHost(),
                container.getAmqpPort(),
                container.getAdminUsername(),
                container.getAdminPassword(),
                "/",
                container.getHttpPort());
    }

    private static BrokerEndpoint localVirtualHost() {
        String host = env("NOVASIM_TEST_RABBITMQ_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("NOVASIM_TEST_RABBITMQ_PORT", "5672"));
        String user = env("NOVASIM_TEST_RABBITMQ_USER", "guest");
        String password = env("NOVASIM_TEST_RABBITMQ_PASSWORD", "guest");
        int managementPort = Integer.parseInt(env("NOVASIM_TEST_RABBITMQ_MANAGEMENT_PORT", "15672"));
        return createVirtualHost(host, port, user, password, managementPort, true);
    }

    /** A fresh virtual host; deleted when the JVM exits if asked to (a container's go with the container). */
    private static BrokerEndpoint createVirtualHost(
            String host, int port, String user, String password, int managementPort, boolean deleteAtExit) {
        String vhost = "novasim-test-" + UUID.randomUUID().toString().substring(0, 8);
        Management management = new Management(host, managementPort, user, password);
        management.put("/api/vhosts/" + vhost, "{}");
        management.put(
                "/api/permissions/" + vhost + "/" + user, "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        if (deleteAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> management.delete("/api/vhosts/" + vhost)));
        }
        log.info("test broker: virtual host {} on {}:{}", vhost, host, port);
        return new BrokerEndpoint(host, port, user, password, vhost, managementPort);
    }

    /**
     * Cuts every client of the endpoint's virtual host off the broker, as a broker restart looks to them: the broker
     * closes their connections, and refuses new ones (a connection limit of 0) until the outage is closed. Queues,
     * bindings and the messages in them stay, as durable ones do across a restart. Through the management API, so it
     * works on a shared local broker (other virtual hosts see nothing) and on a container alike.
     */
    public static Outage outage(BrokerEndpoint broker) {
        Management management =
                new Management(broker.host(), broker.managementPort(), broker.username(), broker.password());
        String vhost = encode(broker.virtualHost());
        String limit = "/api/vhost-limits/" + vhost + "/max-connections";
        management.put(limit, "{\"value\": 0}");
        Outage outage = new Outage(management, vhost, limit);
        outage.closeConnections();
        log.info("test broker: virtual host {} cut off", broker.virtualHost());
        return outage;
    }

    /** A broker outage under way; closing it lets clients connect again. */
    public static final class Outage implements AutoCloseable {

        private static final Pattern NAME = Pattern.compile("\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"");
        private final Management management;
        private final String vhost;
        private final String limit;
        private boolean over;

        private Outage(Management management, String vhost, String limit) {
            this.management = management;
            this.vhost = vhost;
            this.limit = limit;
        }

        /**
         * Closes the virtual host's connections until none is listed. The management API lists a connection only
         * once the broker has emitted its statistics (every 5 s by default), so an empty list right after a
         * connection opened proves nothing: connections are closed as they appear for a little longer than that
         * interval, then until none is listed. The connection limit already refuses new ones. At most 20 s.
         */
        void closeConnections() {
            long now = System.nanoTime();
            long settled = now + Duration.ofSeconds(6).toNanos();
            long deadline = now + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher names = NAME.matcher(management.get("/api/vhosts/" + vhost + "/connections?columns=name"));
                boolean any = false;
                while (names.find()) {
                    any = true;
                    management.delete(
                            "/api/connections/" + encode(names.group(1).replace("\\\"", "\"")));
                }
                if (!any && System.nanoTime() > settled) {
                    return;
                }
                pause();
            }
            throw new IllegalStateException("connections of " + vhost + " still listed after 20 s");
        }

        private static void pause() {
            try {
                Thread.sleep(200); // between two polls of the management API, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while cutting the virtual host off", e);
            }
        }

        @Override
        public void close() {
            if (!over) {
                over = true;
                management.delete(limit);
                log.info("test broker: virtual host {} back", vhost);
            }
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where a test connects, and the Spring properties that say so. */
    public record BrokerEndpoint(
            String host, int port, String username, String password, String virtualHost, int managementPort) {

        public Map<String, Object> springProperties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.rabbitmq.host", host);
            properties.put("spring.rabbitmq.port", port);
            properties.put("spring.rabbitmq.username", username);
            properties.put("spring.rabbitmq.password", password);
            properties.put("spring.rabbitmq.virtual-host", virtualHost);
            return properties;
        }
    }

    /** The few calls of RabbitMQ's management HTTP API the tests need (over HTTP/1.1: h2c upgrades are dropped). */
    private record Management(String host, int port, String user, String password) {

        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        void put(String path, String body) {
            send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        String get(String path) {
            return send(request(path).GET().build());
        }

        void delete(String path) {
            try {
                send(request(path).DELETE().build());
            } catch (IllegalStateException e) {
                log.warn("could not clean up {}: {}", path, e.getMessage());
            }
        }

        private HttpRequest.Builder request(String path) {
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json");
        }

        private String send(HttpRequest request) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404 && "DELETE".equals(request.method())) {
                    return ""; // gone already (a connection that closed meanwhile)
                }
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "RabbitMQ's management API does not answer at " + request.uri()
                                + " (enable it: rabbitmq-plugins enable rabbitmq_management): " + e,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
