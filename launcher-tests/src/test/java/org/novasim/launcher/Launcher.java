package org.novasim.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code ./novasim} in a checkout with ports of its own, so it never meets a developer's running novasim. */
final class Launcher {

    record Result(int exitCode, String output) {}

    private final Checkout checkout;
    private final Map<String, String> env = new LinkedHashMap<>();
    final int apiPort;

    Launcher(Checkout checkout) {
        this.checkout = checkout;
        List<Integer> ports = freePorts(4);
        apiPort = ports.get(0);
        env.put("NOVASIM_API_PORT", Integer.toString(apiPort));
        env.put("NOVASIM_SCHEDULER_PORT", Integer.toString(ports.get(1)));
        env.put("NOVASIM_COMPUTE_PORT", Integer.toString(ports.get(2)));
        env.put("NOVASIM_NETWORK_PORT", Integer.toString(ports.get(3)));
    }

    Launcher env(String name, Object value) {
        env.put(name, String.valueOf(value));
        return this;
    }

    Launcher env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    /** Runs the launcher with these arguments; a run that outlasts the limit is ended and reported as exit 124. */
    Result run(Duration limit, String... args) {
        List<String> command =
                new ArrayList<>(List.of("bash", checkout.path("novasim").toString()));
        command.addAll(List.of(args));
        return execute(command, Map.of(), limit);
    }

    /**
     * Runs a bash script in the checkout, with the launcher's environment and {@code extra} on top; the same limit
     * and exit code 124 as {@link #run}.
     */
    Result script(Path script, Map<String, String> extra, Duration limit) {
        return execute(List.of("bash", script.toString()), extra, limit);
    }

    private Result execute(List<String> command, Map<String, String> extra, Duration limit) {
        try {
            Path output = Files.createTempFile("novasim-launcher-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(checkout.root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().putAll(env);
                builder.environment().putAll(extra);
                Process process = builder.start();
                boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                return new Result(done ? process.exitValue() : 124, text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pids in the launcher's pid files, by process name. */
    Map<String, Long> recordedPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path state = checkout.path(".novasim");
        if (!Files.isDirectory(state)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(state)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                pids.put(name, Long.parseLong(Files.readString(file).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** Every live process whose command line says this checkout's launcher started it. */
    List<ProcessHandle> processesOfThisCheckout() {
        String marker = "-Dnovasim.home=" + checkout.root + " ";
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(marker))
                        .orElse(false))
                .toList();
    }

    static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList()
                .toString();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The last lines of each service log, for a failure message. */
    String logTails(int lines) {
        StringBuilder text = new StringBuilder();
        Path logs = checkout.path("logs");
        if (!Files.isDirectory(logs)) {
            return "(no logs)";
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log :
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("--- ").append(log.getFileName()).append('\n');
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(l -> text.append(l).append('\n'));
            }
        } catch (IOException e) {
            text.append(e);
        }
        return text.toString();
    }

    /** Distinct ports nothing listens on now (the system hands out ephemeral ports in turn, far from 8774). */
    static List<Integer> freePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(freePort());
        }
        return new ArrayList<>(ports);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> firstLineContaining(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).findFirst();
    }
}
