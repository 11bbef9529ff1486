package org.novasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.TestBroker;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./novasim run} as a newcomer runs it: in a clean checkout (the jars this build made are copied in, so the
 * launcher finds nothing to build; LauncherScriptTest covers the build step), against the local RabbitMQ and once
 * with no RabbitMQ reachable, so that the embedded broker carries the launch. Each run gets ports and a virtual host
 * of its own; every wait is bounded. Without class data sharing archives (NOVASIM_CDS=0: training them takes
 * longer than the start; WalkthroughIT runs the launcher as a newcomer does, with them).
 */
class LauncherIT {

    static final Duration RUN_LIMIT = Duration.ofSeconds(240);
    static final Duration STOP_LIMIT = Duration.ofSeconds(90);

    @Test
    void runsACloudOnRabbitMqThatLaunchesAnInstanceAndStopsWithoutATrace() throws Exception {
        TestBroker.BrokerEndpoint broker = TestBroker.isolated();
        Map<String, String> rabbit = new LinkedHashMap<>();
        rabbit.put("RABBITMQ_HOST", broker.host());
        rabbit.put("RABBITMQ_PORT", Integer.toString(broker.port()));
        rabbit.put("RABBITMQ_USER", broker.username());
        rabbit.put("RABBITMQ_PASSWORD", broker.password());
        rabbit.put("RABBITMQ_VHOST", broker.virtualHost());
        try (Checkout checkout = Checkout.withBuiltJars()) {
            Launcher launcher = new Launcher(checkout).env(rabbit).env("NOVASIM_CDS", 0);

            String output = runLaunchAndStop(checkout, launcher);

            assertThat(output).contains("broker: RabbitMQ (AMQP) answers at " + broker.host() + ":" + broker.port());
            assertThat(output).doesNotContain("EMBEDDED BROKER");
        }
    }

    @Test
    void startsTheEmbeddedBrokerWhenNoRabbitMqAnswersAndTheWholePipelineRunsOnIt() throws Exception {
        int closedPort = Launcher.freePort();
        try (Checkout checkout = Checkout.withBuiltJars()) {
            Launcher launcher = new Launcher(checkout)
                    .env("NOVASIM_CDS", 0)
                    .env("RABBITMQ_HOST", "127.0.0.1")
                    .env("RABBITMQ_PORT", closedPort)
                    .env("RABBITMQ_USER", "novasim")
                    .env("RABBITMQ_PASSWORD", "not-guest")
                    .env("RABBITMQ_VHOST", "/");

            String output = runLaunchAndStop(checkout, launcher);

            assertThat(output)
                    .contains("no AMQP broker answers at 127.0.0.1:" + closedPort
                            + ", so novasim starts its EMBEDDED BROKER");
            assertThat(output).containsPattern("embedded broker up in [0-9.]+ s");
            Launcher.firstLineContaining(output, "embedded broker up in").ifPresent(System.out::println);
        }
    }

    /** run, status, launch an instance to ACTIVE, stop, check that no process is left, clean. */
    private static String runLaunchAndStop(Checkout checkout, Launcher launcher) {
        Map<String, Long> pids;
        try {
            Launcher.Result run = launcher.run(RUN_LIMIT, "run", "--hosts", "2");
            pids = launcher.recordedPids();
            assertThat(run.exitCode())
                    .as("./novasim run exit code; output:%n%s%nlogs:%n%s", run.output(), launcher.logTails(40))
                    .isZero();
            assertThat(run.output()).contains("novasim is up in");
            Launcher.firstLineContaining(run.output(), "novasim is up in").ifPresent(System.out::println);
            assertThat(pids).containsKeys(Checkout.SERVICES.toArray(String[]::new));

            Launcher.Result status = launcher.run(Duration.ofSeconds(60), "status");
            for (String service : Checkout.SERVICES) {
                assertThat(status.output()).containsPattern(service + " +up +pid " + pids.get(service));
            }

            CloudClient cloud = new CloudClient(launcher.apiPort);
            String id = cloud.launch("launcher-it");
            JsonNode server = cloud.awaitSettled(id, Duration.ofSeconds(90));
            assertThat(server.path("status").asString())
                    .as("server %s; logs:%n%s", server, launcher.logTails(40))
                    .isEqualTo("ACTIVE");
            assertThat(server.path("addresses").path("private").isArray())
                    .as("addresses of %s", server)
                    .isTrue();

            Launcher.Result stop = launcher.run(STOP_LIMIT, "stop");
            assertThat(stop.exitCode()).as(stop.output()).isZero();
            assertThat(stop.output()).contains("novasim stopped.");
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                assertThat(Launcher.alive(pid.getValue()))
                        .as("%s (pid %s) after stop", pid.getKey(), pid.getValue())
                        .isFalse();
            }
            assertThat(launcher.processesOfThisCheckout())
                    .as(
                            "processes of this checkout after stop: %s",
                            Launcher.describe(launcher.processesOfThisCheckout()))
                    .isEmpty();

            Launcher.Result clean = launcher.run(Duration.ofSeconds(30), "clean");
            assertThat(clean.exitCode()).as(clean.output()).isZero();
            assertThat(checkout.path("logs")).doesNotExist();
            assertThat(checkout.path(".novasim")).doesNotExist();
            assertThat(Files.exists(checkout.path("data/api.mv.db"))).isFalse();
            return run.output();
        } finally {
            // Whatever failed above, nothing this test started may outlive it (and nothing else is touched).
            if (!launcher.processesOfThisCheckout().isEmpty()) {
                launcher.run(STOP_LIMIT, "stop");
                launcher.processesOfThisCheckout().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }
}
