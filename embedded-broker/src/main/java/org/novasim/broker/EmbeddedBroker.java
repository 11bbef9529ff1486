package org.novasim.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) for machines without RabbitMQ: one in-memory virtual host, one
 * AMQP port with PLAIN authentication, no management, nothing kept across restarts.
 *
 * <p>RabbitMQ stays the broker of record. The RPC layer runs on both; where they differ (the meaning of a message's
 * {@code expiration}, the order of a return and its confirm) the RPC layer says how it copes.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Broker-J's version, for the ready line. */
    public static final String QPID_VERSION = "10.1.0";

    private final BrokerSettings settings;
    private final SystemLauncher launcher;
    private final Path workDir;

    private EmbeddedBroker(BrokerSettings settings, SystemLauncher launcher, Path workDir) {
        this.settings = settings;
        this.launcher = launcher;
        this.workDir = workDir;
    }

    /** Starts the broker and returns once its AMQP port accepts connections. */
    public static EmbeddedBroker start(BrokerSettings settings) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("novasim-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toString());
        context.put("novasim.broker.port", Integer.toString(settings.port()));
        context.put("novasim.broker.bind", settings.bind());
        context.put("novasim.broker.user", settings.user());
        context.put("novasim.broker.password", settings.password());
        context.put("novasim.broker.vhost", settings.virtualHostNode());
        // Preferences are a management feature; the default keeps them in a file.
        context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put(
                "initialConfigurationLocation",
                EmbeddedBroker.class.getResource("/novasim-broker.json").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        try {
            launcher.startup(attributes);
            requirePortsActive(system.get());
        } catch (Exception e) {
            launcher.shutdown();
            delete(workDir);
            throw new IllegalStateException(
                    "the embedded broker did not start on " + settings.bind() + ":" + settings.port() + ": "
                            + rootMessage(e),
                    e);
        }
        return new EmbeddedBroker(settings, launcher, workDir);
    }

    /** Broker-J reports itself ready even when a port could not bind (it is then ERRORED): that is a failure here. */
    private static void requirePortsActive(SystemConfig<?> system) {
        Broker<?> broker = system == null ? null : system.getContainer(Broker.class);
        if (broker == null) {
            throw new IllegalStateException("the broker did not come up");
        }
        for (Port<?> port : broker.getChildren(Port.class)) {
            if (port.getState() != State.ACTIVE) {
                throw new IllegalStateException(
                        "port " + port.getPort() + " is " + port.getState() + " (is it taken by another process?)");
            }
        }
    }

    public BrokerSettings settings() {
        return settings;
    }

    public String amqpUrl() {
        return "amqp://" + settings.bind() + ":" + settings.port();
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } finally {
            delete(workDir);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a shutdown for.
        }
    }
}
