package org.novasim.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.ApiServiceApplication;
import org.novasim.compute.ComputeServiceApplication;
import org.novasim.network.NetworkServiceApplication;
import org.novasim.scheduler.SchedulerServiceApplication;
import org.novasim.testsupport.TestBroker;
import org.novasim.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole novasim in this JVM: the four services as separate Spring applications (each with its own context,
 * configuration file and web port) talking over a real RabbitMQ in a virtual host of their own.
 */
final class Cloud implements AutoCloseable {

    private final Map<String, Object> common = new LinkedHashMap<>();
    private final Map<String, Object> apiProperties = new LinkedHashMap<>();
    private final Map<String, Object> networkProperties = new LinkedHashMap<>();
    private final Map<String, Object> computeProperties = new LinkedHashMap<>();
    private final Map<String, Object> schedulerProperties = new LinkedHashMap<>();
    private ConfigurableApplicationContext network;
    private ConfigurableApplicationContext scheduler;
    private ConfigurableApplicationContext compute;
    private ConfigurableApplicationContext api;
    private final List<ConfigurableApplicationContext> extras = new ArrayList<>();
    private boolean withoutCompute;
    private TestBroker.BrokerEndpoint broker;
    private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers = new ArrayList<>();

    private Cloud() {}

    /** A cloud on H2 files in a fresh temporary folder, with 4 hosts and instant boots unless told otherwise. */
    static Cloud onH2() {
        Cloud cloud = new Cloud();
        Path data = temporaryFolder();
        cloud.apiProperties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("api"));
        cloud.networkProperties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("network"));
        return cloud;
    }

    /** A cloud whose api and network services keep their data in fresh PostgreSQL databases. */
    static Cloud onPostgres() {
        Cloud cloud = new Cloud();
        cloud.apiProperties.putAll(TestDatabase.create().springProperties());
        cloud.networkProperties.putAll(TestDatabase.create().springProperties());
        return cloud;
    }

    Cloud compute(String property, Object value) {
        computeProperties.put(property, value);
        return this;
    }

    Cloud scheduler(String property, Object value) {
        schedulerProperties.put(property, value);
        return this;
    }

    Cloud api(String property, Object value) {
        apiProperties.put(property, value);
        return this;
    }

    /** A setting for every service (e.g. how often they heartbeat). */
    Cloud everywhere(String property, Object value) {
        common.put(property, value);
        return this;
    }

    /** Something every service's context gets before it starts (a bean of the test's, e.g. a span exporter). */
    Cloud everyService(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        initializers.add(initializer);
        return this;
    }

    /** Starts no compute-service: the test brings its own, e.g. in a JVM of its own (see {@link #commonArguments}). */
    Cloud withoutCompute() {
        withoutCompute = true;
        return this;
    }

    /** What every service of this cloud is given (broker, virtual host ...), as command-line arguments. */
    List<String> commonArguments() {
        return common.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    Cloud hosts(int count) {
        return compute("novasim.compute.hosts[0].count", count);
    }

    Cloud start() {
        broker = TestBroker.isolated();
        common.putAll(broker.springProperties());
        common.put("server.port", 0);
        common.put("spring.main.banner-mode", "off");
        // Hosts report every second, so a test never waits long for a scheduler to know them.
        computeProperties.putIfAbsent("novasim.compute.report-interval", "1s");
        computeProperties.putIfAbsent("novasim.compute.changes-interval", "200ms");
        network = run(NetworkServiceApplication.class, NetworkServiceApplication.CONFIG_NAME, networkProperties);
        scheduler =
                run(SchedulerServiceApplication.class, SchedulerServiceApplication.CONFIG_NAME, schedulerProperties);
        if (!withoutCompute) {
            compute = run(ComputeServiceApplication.class, ComputeServiceApplication.CONFIG_NAME, computeProperties);
        }
        startApi();
        return this;
    }

    private void startApi() {
        api = run(ApiServiceApplication.class, ApiServiceApplication.CONFIG_NAME, apiProperties);
    }

    /** Stops api-service and starts it again on the same database, as an operator restarting it would. */
    void restartApi() {
        api.close();
        startApi();
    }

    /** The broker and virtual host this cloud talks on (a test may cut it off: {@link TestBroker#outage}). */
    TestBroker.BrokerEndpoint broker() {
        return broker;
    }

    ApiClient client() {
        return new ApiClient("http://127.0.0.1:"
                + ((WebServerApplicationContext) api).getWebServer().getPort());
    }

    ConfigurableApplicationContext apiContext() {
        return api;
    }

    ConfigurableApplicationContext computeContext() {
        return compute;
    }

    ConfigurableApplicationContext networkContext() {
        return network;
    }

    ConfigurableApplicationContext schedulerContext() {
        return scheduler;
    }

    /**
     * Runs one service. Its settings go in as command-line arguments, which win over its {@code <service>.yml}
     * (builder properties would only be defaults, and lose to it).
     */
    private ConfigurableApplicationContext run(Class<?> application, String configName, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(own);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(application)
                .initializers(initializers.toArray(ApplicationContextInitializer[]::new))
                .properties("spring.config.name=" + configName)
                .run(args);
    }

    /**
     * Another compute-service process with hosts of its own (give it {@code novasim.compute.service-name} and its
     * hosts), reporting as often as the main one. The test may close it to make its hosts fall silent.
     */
    ConfigurableApplicationContext startExtraCompute(Map<String, Object> properties) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("novasim.compute.report-interval", computeProperties.get("novasim.compute.report-interval"));
        own.put("novasim.compute.changes-interval", computeProperties.get("novasim.compute.changes-interval"));
        own.putAll(properties);
        ConfigurableApplicationContext context =
                run(ComputeServiceApplication.class, ComputeServiceApplication.CONFIG_NAME, own);
        extras.add(context);
        return context;
    }

    /** Another scheduler-service process beside the first, sharing the {@code scheduler} queue. */
    ConfigurableApplicationContext startExtraScheduler(Map<String, Object> properties) {
        Map<String, Object> own = new LinkedHashMap<>(schedulerProperties);
        own.putAll(properties);
        ConfigurableApplicationContext context =
                run(SchedulerServiceApplication.class, SchedulerServiceApplication.CONFIG_NAME, own);
        extras.add(context);
        return context;
    }

    @Override
    public void close() {
        extras.forEach(ConfigurableApplicationContext::close);
        for (ConfigurableApplicationContext context :
                new ConfigurableApplicationContext[] {api, compute, scheduler, network}) {
            if (context != null) {
                context.close();
            }
        }
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("novasim-it-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
