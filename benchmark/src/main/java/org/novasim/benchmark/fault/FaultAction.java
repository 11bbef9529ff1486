package org.novasim.benchmark.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** One step of a fault: inject it, or lift it. Answers what it did, for the report. */
public interface FaultAction {

    String run() throws IOException, InterruptedException;

    /** A shell command (bash -c), bounded to a minute; its exit code and output go in the report. */
    static FaultAction shell(String command) {
        return new FaultAction() {
            @Override
            public String run() throws IOException, InterruptedException {
                Process process = new ProcessBuilder("bash", "-c", command)
                        .redirectErrorStream(true)
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "`" + command + "` did not end within 60 s: killed";
                }
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return "`" + command + "` exit " + process.exitValue() + (output.isEmpty() ? "" : ": " + output);
            }

            @Override
            public String toString() {
                return command;
            }
        };
    }

    /**
     * kill -9 of a service that {@code ./novasim run} started in {@code home}: the pid in its pid file, only if that
     * process's command line says the launcher started it as that service (a reused pid is never killed).
     */
    static FaultAction killService(Path home, String service) {
        return new FaultAction() {
            @Override
            public String run() throws IOException {
                Path pidFile = home.resolve(".novasim").resolve(service + ".pid");
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                String marker = "-Dnovasim.process=" + service;
                ProcessHandle process = ProcessHandle.of(pid)
                        .filter(p -> p.info().arguments().stream()
                                .flatMap(Arrays::stream)
                                .anyMatch(marker::equals))
                        .orElseThrow(() -> new IOException("pid " + pid + " of " + pidFile + " is not " + service));
                process.destroyForcibly();
                return "kill -9 " + pid + " (" + service + ")";
            }

            @Override
            public String toString() {
                return "kill -9 " + service + " of " + home;
            }
        };
    }
}
