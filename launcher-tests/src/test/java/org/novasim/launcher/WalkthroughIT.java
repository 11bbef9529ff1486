package org.novasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.TestBroker;

/**
 * The README's "first ten minutes" as a newcomer follows them: the block between {@code <!-- walkthrough:begin -->}
 * and {@code <!-- walkthrough:end -->}, run line by line, in order, in one bash in a fresh checkout (the jars this
 * build made are copied in), against the real openstack CLI. Only the API's port differs from what the README says
 * (the test's cloud has ports of its own); every command must succeed. The banner must print the same first
 * commands, and the README's start time must be the launcher's own measurement within 20 % (on a machine whose
 * load is below its number of cores; a busier one only prints both).
 */
class WalkthroughIT {

    static final Path OPENSTACK = Path.of("/usr/bin/openstack");
    // A fresh checkout trains its class data sharing archives first: minutes on a busy machine.
    static final Duration LIMIT = Duration.ofMinutes(20);
    static final Pattern START_TIME = Pattern.compile("ready in about (\\d+) s");
    static final Pattern UP_IN = Pattern.compile("novasim is up in ([0-9.]+) s");

    @Test
    void theReadmesFirstTenMinutesRunAsWrittenAgainstAFreshCheckout() throws IOException {
        assumeThat(Files.isExecutable(OPENSTACK))
                .as("the openstack CLI (python3-openstackclient)")
                .isTrue();
        TestBroker.BrokerEndpoint broker = TestBroker.isolated();
        Map<String, String> rabbit = new LinkedHashMap<>();
        rabbit.put("RABBITMQ_HOST", broker.host());
        rabbit.put("RABBITMQ_PORT", Integer.toString(broker.port()));
        rabbit.put("RABBITMQ_USER", broker.username());
        rabbit.put("RABBITMQ_PASSWORD", broker.password());
        rabbit.put("RABBITMQ_VHOST", broker.virtualHost());
        try (Checkout checkout = Checkout.withBuiltJars()) {
            String readme = Files.readString(checkout.path("README.md"), StandardCharsets.UTF_8);
            List<List<String>> commands = commands(walkthrough(readme));
            assertThat(commands.get(0)).as("the walkthrough's first command").containsExactly("./novasim run");
            // A busy machine (load 60 on 2 cores here) takes minutes to start the services: wait, bounded.
            Launcher launcher = new Launcher(checkout).env(rabbit).env("NOVASIM_START_TIMEOUT", 600);
            Path home = Files.createDirectories(checkout.path("target/walkthrough-home"));
            Path script = checkout.path("target/walkthrough.sh");
            Files.writeString(script, script(commands, launcher.apiPort), StandardCharsets.UTF_8);
            try {
                Launcher.Result result =
                        launcher.script(script, Map.of("HOME", home.toString(), "PATH", path()), LIMIT);
                List<String> outputs = sections(result.output(), commands.size());

                assertThat(result.exitCode())
                        .as(
                                "exit code of the walkthrough; output:%n%s%nlogs:%n%s",
                                result.output(), launcher.logTails(30))
                        .isZero();
                assertThat(outputs).as("output of each command").hasSize(commands.size());
                String banner = outputs.get(0);
                for (String line : bannerCommands(commands, launcher.apiPort)) {
                    assertThat(banner).as("the banner's first commands").contains(line);
                }
                for (int i = 0; i < commands.size(); i++) {
                    if (commands.get(i).get(0).startsWith("curl ")) {
                        assertThat(outputs.get(i)).as("what curl printed").contains("\"vm1\"", "\"ACTIVE\"");
                    }
                }
                compareStartTime(readme, banner);
            } finally {
                launcher.run(Duration.ofSeconds(90), "stop");
                launcher.processesOfThisCheckout().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The lines of the fenced block between the walkthrough markers. */
    static List<String> walkthrough(String readme) {
        int begin = readme.indexOf("<!-- walkthrough:begin -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertThat(begin).as("README.md's walkthrough markers").isNotNegative().isLessThan(end);
        List<String> lines =
                new ArrayList<>(readme.substring(begin, end).lines().skip(1).toList());
        assertThat(lines.get(0)).as("the walkthrough opens a fenced block").startsWith("```");
        assertThat(lines.get(lines.size() - 1)).as("and closes it").startsWith("```");
        return lines.subList(1, lines.size() - 1);
    }

    /** Commands: a line, with the lines a trailing backslash continues it onto. */
    static List<List<String>> commands(List<String> lines) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            current.add(line);
            if (!line.endsWith("\\")) {
                commands.add(current);
                current = new ArrayList<>();
            }
        }
        assertThat(current).as("a command continued past the block's end").isEmpty();
        return commands;
    }

    /** Each command as written but for the API port, after a marker line, in one bash that stops at a failure. */
    static String script(List<List<String>> commands, int apiPort) {
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < commands.size(); i++) {
            script.append("echo '+++ walkthrough ").append(i).append("'\n");
            for (String line : commands.get(i)) {
                script.append(withPort(line, apiPort)).append('\n');
            }
        }
        return script.append("echo '+++ walkthrough end'\n").toString();
    }

    static String withPort(String line, int apiPort) {
        return line.replace("127.0.0.1:8774", "127.0.0.1:" + apiPort);
    }

    /** What each command printed, by the markers; fewer than all when one failed. */
    static List<String> sections(String output, int count) {
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String marker = "+++ walkthrough " + i + "\n";
            int from = output.indexOf(marker);
            if (from < 0) {
                break;
            }
            int to = output.indexOf("+++ walkthrough ", from + marker.length());
            sections.add(output.substring(from + marker.length(), to < 0 ? output.length() : to));
        }
        return sections;
    }

    /** The walkthrough's lines that the banner shows too: from the export up to the curl line, trimmed. */
    static List<String> bannerCommands(List<List<String>> commands, int apiPort) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (List<String> command : commands) {
            inside |= command.get(0).startsWith("export OS_AUTH_URL");
            if (inside) {
                command.forEach(line -> lines.add(withPort(line, apiPort).trim()));
            }
            if (inside && command.get(0).startsWith("curl ")) {
                break;
            }
        }
        assertThat(lines).as("the walkthrough's first commands").isNotEmpty();
        return lines;
    }

    /** The README's "ready in about N s" against the banner's "novasim is up in X s". */
    static void compareStartTime(String readme, String banner) {
        Matcher stated = START_TIME.matcher(readme);
        Matcher measured = UP_IN.matcher(banner);
        assertThat(stated.find()).as("README.md states 'ready in about N s'").isTrue();
        assertThat(measured.find()).as("the banner says 'novasim is up in X s'").isTrue();
        double readmeSeconds = Double.parseDouble(stated.group(1));
        double launcherSeconds = Double.parseDouble(measured.group(1));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "start: README says about %.0f s, the launcher measured %.1f s (load %.1f on %d cores)%n",
                readmeSeconds, launcherSeconds, load, cores);
        if (load >= 0 && load < cores) {
            assertThat(launcherSeconds)
                    .as("the launcher's start time against the README's %s s (load %.1f)", readmeSeconds, load)
                    .isBetween(readmeSeconds * 0.8, readmeSeconds * 1.2);
        }
    }

    private static String path() {
        // Debian's openstack needs Debian's python3 first on the PATH.
        return "/usr/bin:/bin:" + System.getenv().getOrDefault("PATH", "");
    }
}
