package org.novasim.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A clean checkout of this repository in a temporary folder: the files git tracks (and new ones it does not
 * ignore), no data, logs or launcher state. Optionally with the jars this build already made, copied to where a
 * build in that checkout would put them, so that a test need not build the project a second time.
 */
final class Checkout implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final List<String> SERVICES =
            List.of("api-service", "scheduler-service", "compute-service", "network-service");
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "data", "logs", ".novasim", ".idea");

    final Path root;

    private Checkout(Path root) {
        this.root = root;
    }

    /** The repository this test runs in (the folder with the launcher script). */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("novasim")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no novasim repository above " + Path.of("").toAbsolutePath());
    }

    /** The sources only: what a fresh clone has. */
    static Checkout sources() throws IOException {
        Path repository = repository();
        Path root = Files.createTempDirectory("novasim-checkout-");
        for (String file : sourceFiles(repository)) {
            Path from = repository.resolve(file);
            if (Files.isRegularFile(from)) {
                Path to = root.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return new Checkout(root);
    }

    /** The sources plus the runnable jars of this build, as if ./novasim had built them there. */
    static Checkout withBuiltJars() throws IOException {
        Checkout checkout = sources();
        Path repository = repository();
        for (String service : SERVICES) {
            checkout.copyBuilt(repository, service + "/target/" + service + "-" + VERSION + "-exec.jar");
        }
        checkout.copyBuilt(repository, "embedded-broker/target/embedded-broker-" + VERSION + ".jar");
        try (Stream<Path> libs = Files.list(repository.resolve("embedded-broker/target/lib"))) {
            for (Path lib : libs.toList()) {
                checkout.copyBuilt(repository, "embedded-broker/target/lib/" + lib.getFileName());
            }
        }
        return checkout;
    }

    private void copyBuilt(Path repository, String file) throws IOException {
        Path from = repository.resolve(file);
        if (!Files.isRegularFile(from)) {
            throw new IllegalStateException(from + " is missing: run the reactor build (./mvnw -B verify) first");
        }
        Path to = root.resolve(file);
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static List<String> sourceFiles(Path repository) throws IOException {
        if (Files.isDirectory(repository.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                        .directory(repository.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                byte[] out = git.getInputStream().readAllBytes();
                if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                    List<String> files = new ArrayList<>();
                    for (String file : new String(out, StandardCharsets.UTF_8).split("\0")) {
                        if (!file.isEmpty()) {
                            files.add(file);
                        }
                    }
                    return files;
                }
            } catch (IOException | InterruptedException e) {
                // no usable git: walk the tree instead
            }
        }
        try (Stream<Path> paths = Files.walk(repository)) {
            return paths.filter(Files::isRegularFile)
                    .map(repository::relativize)
                    .filter(path -> Stream.iterate(path, p -> p != null, Path::getParent)
                            .noneMatch(p -> NOT_SOURCES.contains(String.valueOf(p.getFileName()))))
                    .map(Path::toString)
                    .toList();
        }
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
