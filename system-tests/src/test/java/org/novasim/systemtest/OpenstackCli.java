package org.novasim.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code openstack} command-line client (Debian's python3-openstackclient), run against novasim with
 * the OS_* variables of one user and nothing else from the environment.
 */
final class OpenstackCli {

    static final Path BINARY = Path.of("/usr/bin/openstack");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(int exitCode, String stdout, String stderr) {

        JsonNode json() {
            return JSON.readTree(stdout);
        }
    }

    private final Map<String, String> environment;
    private final Path home;

    OpenstackCli(String authUrl, String user, String password, String project) {
        try {
            this.home = Files.createTempDirectory("openstack-cli-home");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.environment = Map.of(
                "OS_AUTH_URL",
                authUrl,
                "OS_USERNAME",
                user,
                "OS_PASSWORD",
                password,
                "OS_PROJECT_NAME",
                project,
                "OS_USER_DOMAIN_NAME",
                "Default",
                "OS_PROJECT_DOMAIN_NAME",
                "Default",
                "OS_IDENTITY_API_VERSION",
                "3",
                "OS_REGION_NAME",
                "RegionOne");
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Runs {@code openstack <args>} and returns what it printed; at most two minutes. */
    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("LANG", "C.UTF-8");
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("openstack " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command and fails the test, with what it printed, unless it exits 0. */
    Result ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openstack " + String.join(" ", args) + " exited " + result.exitCode()
                    + "\nstdout: " + result.stdout() + "\nstderr: " + result.stderr());
        }
        return result;
    }
}
