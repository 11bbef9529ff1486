package org.novasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher's decisions and failures, each in seconds: what it builds, how it refuses a taken port, what it
 * shows when a service dies at start, what stop and clean touch. The services never come up here (their jars are
 * stand-ins); LauncherIT runs the real ones.
 */
class LauncherScriptTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void buildsOnlyWhatIsMissingWithTheWrapperAndTestsSkipped() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            standInJar(checkout, "scheduler-service");
            standInJar(checkout, "compute-service");
            Path args = checkout.path("mvnw-args.txt");
            Files.writeString(checkout.path("mvnw"), "#!/usr/bin/env bash\necho \"$@\" > '" + args + "'\nexit 3\n");

            Launcher.Result run = new Launcher(checkout).run(LIMIT, "run");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .contains(
                            "building network-service api-service embedded-broker",
                            "error: the build failed (whole log: logs/build.log)");
            assertThat(Files.readString(args).trim())
                    .isEqualTo("-B -DskipTests package -pl network-service,api-service,embedded-broker -am");
            assertThat(checkout.path(".novasim/network-service.pid")).doesNotExist();
        }
    }

    @Test
    void rebuildsAJarWhoseSourcesChangedAndShowsTheBuildsProgress() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            allStandInJars(checkout);
            Path edited = checkout.path("compute-service/pom.xml");
            Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
            Path args = checkout.path("mvnw-args.txt");
            Files.writeString(checkout.path("mvnw"), """
                    #!/usr/bin/env bash
                    echo "$@" > '%s'
                    echo '[INFO] Building novasim compute-service 0.1.0-SNAPSHOT                  [2/3]'
                    echo '[INFO] Downloading from central: https://repo.maven.apache.org/x.jar'
                    exit 3
                    """.formatted(args));

            Launcher.Result run = new Launcher(checkout).run(LIMIT, "run");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .contains(
                            "compute-service/pom.xml is newer than the jar of compute-service",
                            "building compute-service (",
                            "  [2/3] novasim compute-service",
                            "downloading dependencies",
                            "error: the build failed");
            assertThat(Files.readString(args).trim()).isEqualTo("-B -DskipTests package -pl compute-service -am");
            assertThat(Files.readString(checkout.path("logs/build.log"))).contains("Downloading from central");
        }
    }

    @Test
    void checksEveryOptionBeforeBuildingOrStartingAnything() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            Path called = checkout.path("mvnw-called.txt");
            Files.writeString(checkout.path("mvnw"), "#!/usr/bin/env bash\ntouch '" + called + "'\nexit 3\n");
            Launcher launcher = new Launcher(checkout);

            Map<List<String>, String> refused = new LinkedHashMap<>();
            refused.put(List.of("--spawn-delay", "2"), "--spawn-delay needs a duration with a unit");
            refused.put(List.of("--spawn-delay", "2x"), "--spawn-delay needs a duration with a unit");
            refused.put(List.of("--hosts", "0"), "--hosts needs a whole number from 1 to 10000 (got '0')");
            refused.put(List.of("--hosts", "10001"), "--hosts needs a whole number from 1 to 10000");
            refused.put(List.of("--hosts", "--trace"), "--hosts needs a value");
            refused.put(List.of("--failure-rate", "1.5"), "--failure-rate needs a number from 0 to 1");
            refused.put(List.of("--set", "compute-service"), "--set needs SERVICE:KEY=VALUE");
            refused.put(List.of("--hosts", "2", "--turbo"), "error: unknown option '--turbo'");
            for (Map.Entry<List<String>, String> option : refused.entrySet()) {
                List<String> args = new ArrayList<>(List.of("run"));
                args.addAll(option.getKey());
                Launcher.Result run = launcher.run(LIMIT, args.toArray(String[]::new));
                assertThat(run.exitCode())
                        .as("%s: %s", option.getKey(), run.output())
                        .isEqualTo(1);
                assertThat(run.output().strip())
                        .as("%s", option.getKey())
                        .startsWith("error: " + option.getValue().replace("error: ", ""))
                        .doesNotContain("\n");
            }
            Launcher.Result badPort = launcher.env("NOVASIM_API_PORT", "87740").run(LIMIT, "run");
            assertThat(badPort.output()).contains("NOVASIM_API_PORT needs a whole number from 1 to 65535");
            assertThat(called).as("the build ran").doesNotExist();
            assertThat(launcher.recordedPids()).isEmpty();
        }
    }

    @Test
    void refusesOtherOptionsWhileACloudRuns() throws Exception {
        try (Checkout checkout = Checkout.sources()) {
            // A process whose command line marks it as this checkout's api-service, as the launcher's own do.
            Process running = new ProcessBuilder(
                            "bash",
                            "-c",
                            "sleep 60; :",
                            "-Dnovasim.home=" + checkout.root,
                            "-Dnovasim.process=api-service",
                            "end")
                    .start();
            try {
                Files.createDirectories(checkout.path(".novasim"));
                Files.writeString(checkout.path(".novasim/api-service.pid"), Long.toString(running.pid()));
                Files.writeString(checkout.path(".novasim/run.env"), "RUN_ARGS=--hosts 2\n");
                Launcher launcher = new Launcher(checkout);

                Launcher.Result other = launcher.run(LIMIT, "run", "--hosts", "1000");
                Launcher.Result same = launcher.run(LIMIT, "run", "--hosts=2");
                Launcher.Result none = launcher.run(LIMIT, "run");

                assertThat(other.exitCode()).as(other.output()).isEqualTo(1);
                assertThat(other.output())
                        .contains(
                                "novasim already runs here (started with: --hosts 2)",
                                "'--hosts 1000' would be " + "ignored: ./novasim stop first");
                assertThat(same.exitCode()).as(same.output()).isZero();
                assertThat(none.exitCode()).as(none.output()).isZero();
                assertThat(none.output()).contains("novasim already runs here (api-service), started with: --hosts 2");
                assertThat(running.isAlive()).isTrue();
            } finally {
                running.destroyForcibly();
            }
        }
    }

    @Test
    void refusesATakenPortBeforeStartingAnything() throws IOException {
        try (Checkout checkout = Checkout.sources();
                ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            allStandInJars(checkout);
            Launcher launcher = new Launcher(checkout).env("NOVASIM_SCHEDULER_PORT", taken.getLocalPort());

            Launcher.Result run = launcher.run(LIMIT, "run");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output())
                    .contains(
                            "error: port " + taken.getLocalPort() + " is taken, so scheduler-service cannot start",
                            "NOVASIM_SCHEDULER_PORT=");
            assertThat(launcher.recordedPids()).isEmpty();
        }
    }

    @Test
    void showsTheEndOfTheLogAndStopsTheRestWhenAServiceDoesNotComeUp() throws IOException {
        try (Checkout checkout = Checkout.sources();
                FakeAmqpBroker broker = new FakeAmqpBroker()) {
            allStandInJars(checkout);
            Launcher launcher =
                    new Launcher(checkout).env("RABBITMQ_HOST", "127.0.0.1").env("RABBITMQ_PORT", broker.port());

            Launcher.Result run = launcher.run(LIMIT, "run");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            // Which stand-in dies first is up to the machine; each says so with the end of its log.
            assertThat(run.output())
                    .containsPattern("error: (network|scheduler|api)-service: it exited during start")
                    .containsPattern("--- last 30 lines of logs/(network|scheduler|api)-service.log ---")
                    .contains("Invalid or corrupt jarfile", "stopping what this run started");
            assertThat(launcher.processesOfThisCheckout()).isEmpty();
        }
    }

    @Test
    void saysWhenTheEmbeddedBrokerDoesNotComeUp() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            allStandInJars(checkout);
            Launcher launcher = new Launcher(checkout).env("RABBITMQ_PORT", Launcher.freePort());

            Launcher.Result run = launcher.run(LIMIT, "run");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .contains(
                            "so novasim starts its EMBEDDED BROKER",
                            "error: embedded-broker: the embedded broker did not come up",
                            "Invalid or corrupt jarfile");
            assertThat(launcher.processesOfThisCheckout()).isEmpty();
        }
    }

    @Test
    void failsClearlyWithoutTheEmbeddedBrokerWhenToldSo() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            allStandInJars(checkout);
            int closed = Launcher.freePort();

            Launcher.Result run =
                    new Launcher(checkout).env("RABBITMQ_PORT", closed).run(LIMIT, "run", "--no-embedded-broker");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output()).contains("error: no AMQP broker answers at 127.0.0.1:" + closed);
        }
    }

    @Test
    void rejectsUnknownOptionsAndBadKnobs() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            Launcher launcher = new Launcher(checkout);

            assertThat(launcher.run(LIMIT, "run", "--turbo").output()).contains("error: unknown option '--turbo'");
            assertThat(launcher.run(LIMIT, "run", "--failure-rate", "2").output())
                    .contains("--failure-rate needs a number from 0 to 1");
            assertThat(launcher.run(LIMIT, "run", "--set", "mystery-service:a=b")
                            .output())
                    .contains("unknown service 'mystery-service'");
            Launcher.Result unknown = launcher.run(LIMIT, "frobnicate");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.output()).startsWith("error: unknown command 'frobnicate'");
        }
    }

    @Test
    void stopWithNothingStartedSaysSoAndCleanRemovesOnlyWhatNovasimWrote() throws IOException {
        try (Checkout checkout = Checkout.sources()) {
            Launcher launcher = new Launcher(checkout);
            Files.createDirectories(checkout.path("data"));
            Files.createDirectories(checkout.path("logs"));
            Files.createDirectories(checkout.path(".novasim"));
            for (String file : List.of(
                    "data/api.mv.db",
                    "data/network.mv.db",
                    "data/api.trace.db",
                    "logs/api-service.log",
                    "data/notes.txt")) {
                Files.writeString(checkout.path(file), "x");
            }

            assertThat(launcher.run(LIMIT, "stop").output()).contains("nothing to stop");
            Launcher.Result clean = launcher.run(LIMIT, "clean");

            assertThat(clean.exitCode()).as(clean.output()).isZero();
            assertThat(checkout.path("data/api.mv.db")).doesNotExist();
            assertThat(checkout.path("data/network.mv.db")).doesNotExist();
            assertThat(checkout.path("data/api.trace.db")).doesNotExist();
            assertThat(checkout.path("data/notes.txt")).exists();
            assertThat(checkout.path("logs")).doesNotExist();
            assertThat(checkout.path(".novasim")).doesNotExist();
        }
    }

    @Test
    void stopNeverKillsAProcessThatIsNotItsOwn() throws Exception {
        try (Checkout checkout = Checkout.sources()) {
            Process stranger = new ProcessBuilder("sleep", "60").start();
            try {
                // A pid file that names a live process the launcher did not start (as after a pid was reused).
                Files.createDirectories(checkout.path(".novasim"));
                Files.writeString(checkout.path(".novasim/api-service.pid"), Long.toString(stranger.pid()));

                Launcher.Result stop = new Launcher(checkout).run(LIMIT, "stop");

                assertThat(stop.output()).contains("api-service was not running (pid " + stranger.pid());
                assertThat(stranger.isAlive()).isTrue();
            } finally {
                stranger.destroyForcibly();
            }
        }
    }

    /** Answers AMQP's protocol header as a broker would begin to (a connection.start frame), and no more. */
    static final class FakeAmqpBroker implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::serve, "fake-amqp-broker");

        FakeAmqpBroker() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(2_000);
                    client.getInputStream().readNBytes(8);
                    client.getOutputStream().write(new byte[] {1, 0, 0});
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    // closed, or a client that went away: next one
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void allStandInJars(Checkout checkout) throws IOException {
        for (String service : Checkout.SERVICES) {
            standInJar(checkout, service);
        }
        Path broker = checkout.path("embedded-broker/target/embedded-broker-" + Checkout.VERSION + ".jar");
        Files.createDirectories(broker.getParent());
        Files.writeString(broker, "not a jar");
    }

    private static void standInJar(Checkout checkout, String service) throws IOException {
        Path jar = checkout.path(service + "/target/" + service + "-" + Checkout.VERSION + "-exec.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
