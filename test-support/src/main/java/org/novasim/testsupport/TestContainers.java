package org.novasim.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Whether the tests take RabbitMQ and PostgreSQL from Testcontainers, from which images, and how those containers
 * are found again.
 *
 * <p>{@code NOVASIM_TEST_CONTAINERS} (or {@code -Dnovasim.test.containers}): {@code auto}, the default, uses a
 * container where a Docker engine answers and has the image (or can pull it), and the local server elsewhere;
 * {@code always} fails instead of falling back (CI sets it, so the tests cannot quietly use the local servers);
 * {@code never} uses the local servers.
 *
 * <p>Images: {@code NOVASIM_RABBITMQ_IMAGE} / {@code NOVASIM_POSTGRES_IMAGE} (or {@code -Dnovasim.rabbitmq-image},
 * {@code -Dnovasim.postgres-image}), else what {@code docker/offline.env} of this checkout names ({@code ./novasim
 * images} writes it where no registry answers), else the official image. Another image stands in for the official
 * one through {@code asCompatibleSubstituteFor}.
 *
 * <p>Testcontainers removes its containers when the JVM exits (its Ryuk reaper is off, see the parent pom: Ryuk's
 * image comes from a registry). Each container carries the label {@value #PID_LABEL} with the pid of its JVM, so
 * {@code docker/sweep-test-containers.sh} removes those of a JVM that died without its shutdown hooks.
 */
final class TestContainers {

    static final String PID_LABEL = "org.novasim.test.pid";
    private static final Logger log = LoggerFactory.getLogger(TestContainers.class);
    private static final Path OFFLINE_ENV = Path.of("docker", "offline.env");
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    private TestContainers() {}

    /**
     * The image to start for {@code name} (e.g. "rabbitmq", official "rabbitmq:3.13-management"), or empty for the
     * local server; fails where containers are required but impossible.
     */
    static Optional<DockerImageName> usable(String name, String official) {
        String mode = setting("novasim.test.containers", "NOVASIM_TEST_CONTAINERS")
                .orElse("auto")
                .toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("always") && !mode.equals("never")) {
            throw new IllegalStateException(
                    "NOVASIM_TEST_CONTAINERS must be auto, always or never, not '" + mode + "'");
        }
        if (mode.equals("never")) {
            return Optional.empty();
        }
        String missing;
        DockerImageName image = image(name, official);
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            missing = "no Docker engine answers (docker/engine.sh starts one on a Debian machine)";
        } else if (!presentOrPulled(image)) {
            missing = "image " + image.asCanonicalNameString() + " is not here and cannot be pulled (no registry?"
                    + " ./novasim images builds local stand-ins and docker/offline.env names them)";
        } else {
            return Optional.of(image);
        }
        if (mode.equals("always")) {
            throw new IllegalStateException("NOVASIM_TEST_CONTAINERS=always, but " + missing);
        }
        log.warn("{}: {}; the tests use the local server instead", name, missing);
        return Optional.empty();
    }

    private static DockerImageName image(String name, String official) {
        String upper = name.toUpperCase(Locale.ROOT);
        String configured = setting("novasim." + name + "-image", "NOVASIM_" + upper + "_IMAGE")
                .or(() -> Optional.ofNullable(offlineEnv().get("NOVASIM_" + upper + "_IMAGE")))
                .orElse(official);
        DockerImageName officialName = DockerImageName.parse(official);
        DockerImageName image = DockerImageName.parse(configured);
        return image.getUnversionedPart().equals(officialName.getUnversionedPart())
                ? image
                : image.asCompatibleSubstituteFor(officialName.getUnversionedPart());
    }

    /** Starts the container, labelled with this JVM's pid, and says which image it runs and how long it took. */
    static <T extends GenericContainer<?>> T start(T container, String what) {
        container.withLabel(PID_LABEL, Long.toString(ProcessHandle.current().pid()));
        long started = System.nanoTime();
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "could not start " + what + " from image " + container.getDockerImageName()
                            + " (no registry here? ./novasim images builds local ones): " + e.getMessage(),
                    e);
        }
        log.info(
                "{}: Testcontainers container {} of image {}, started in {} ms",
                what,
                container.getContainerId().substring(0, 12),
                container.getDockerImageName(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return container;
    }

    /** True if the engine has the image, or pulled it now (at once, where no registry answers). */
    private static boolean presentOrPulled(DockerImageName image) {
        DockerClient client = DockerClientFactory.instance().client();
        String reference = image.asCanonicalNameString();
        try {
            client.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException notHere) {
            try {
                return client.pullImageCmd(reference)
                        .start()
                        .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                log.debug("pulling {} failed", reference, e);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The KEY=VALUE lines of docker/offline.env in the checkout this test runs in, if there is one. */
    private static Map<String, String> offlineEnv() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(OFFLINE_ENV);
            if (Files.isRegularFile(file) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                try {
                    for (String line : Files.readAllLines(file)) {
                        int equals = line.indexOf('=');
                        if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                            values.put(
                                    line.substring(0, equals).trim(),
                                    line.substring(equals + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                break;
            }
        }
        return values;
    }
}
