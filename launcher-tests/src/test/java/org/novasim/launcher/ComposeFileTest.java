package org.novasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novasim.testsupport.TestBroker;
import org.novasim.testsupport.TestDatabase;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked without an engine (CI runs the demo itself: docker/demo-check.sh): every service of the compose
 * file is built from the repository's Dockerfile or is an official image, and its health check asks something that
 * service really serves, with a tool its image really has; start order follows health; nothing secret is baked in;
 * base images are variables whose defaults are the official images, each with a local stand-in (./novasim images),
 * and nothing needs BuildKit or a registry.
 */
class ComposeFileTest {

    /** Official images and the health check tools they ship. */
    static final Map<String, String> IMAGE_TOOLS = Map.of("rabbitmq", "rabbitmq-diagnostics", "postgres", "pg_isready");

    static Path repository;
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static String dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        repository = Checkout.repository();
        compose = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = Files.readString(repository.resolve("Dockerfile"));
    }

    @Test
    void hasTheBrokerTheDatabaseAndTheFourServices() {
        assertThat(defaultServices())
                .containsOnlyKeys(
                        "rabbitmq",
                        "postgres",
                        "api-service",
                        "scheduler-service",
                        "compute-service",
                        "network-service");
        assertThat(officialImage("rabbitmq")).startsWith("rabbitmq:").endsWith("-management");
        assertThat(list(services.get("rabbitmq"), "ports"))
                .anyMatch(port -> port.toString().endsWith(":15672"));
        assertThat(list(services.get("api-service"), "ports"))
                .anyMatch(port -> port.toString().endsWith(":8774"));
    }

    @Test
    void everyNovasimServiceIsBuiltFromTheDockerfileForItsOwnModule() {
        for (String service : Checkout.SERVICES) {
            Map<String, Object> build = map(services.get(service), "build");
            assertThat(build).as(service + " build").isNotNull();
            Path context =
                    repository.resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).isEqualTo(repository);
            assertThat(context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))))
                    .isRegularFile();
            Map<String, Object> args = map(build, "args");
            assertThat(args.get("SERVICE")).as(service + " build arg SERVICE").isEqualTo(service);
            assertThat(String.valueOf(args.get("PORT")))
                    .as(service + " build arg PORT")
                    .isEqualTo(serverPort(service));
            assertThat(repository.resolve(service + "/pom.xml")).isRegularFile();
        }
        // The image takes the runnable jar that spring-boot-maven-plugin makes (classifier exec) for that module.
        assertThat(dockerfile).contains("COPY --from=build /src/${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar");
        assertThat(dockerfile).containsPattern("ARG VERSION=" + Pattern.quote(Checkout.VERSION));
    }

    @Test
    void everyHealthCheckAsksWhatTheServiceServesWithAToolItsImageHas() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : defaultServices().entrySet()) {
            String service = entry.getKey();
            List<String> test = healthCheck(service);
            assertThat(test).as(service + " healthcheck").isNotEmpty();
            if (Checkout.SERVICES.contains(service)) {
                assertThat(test)
                        .as(service)
                        .containsExactly(
                                "CMD",
                                "wget",
                                "-q",
                                "-O",
                                "/dev/null",
                                "http://127.0.0.1:" + serverPort(service) + "/actuator/health");
                String pom = Files.readString(repository.resolve(service + "/pom.xml"));
                assertThat(pom).as(service + " serves /actuator/health").contains("spring-boot-starter-actuator");
                assertThat(serviceYml(service)).as(service + " exposes health").containsPattern("include: .*health");
            } else {
                String imageName = officialImage(service).split(":")[0];
                assertThat(IMAGE_TOOLS)
                        .as(service + " is an official image we know")
                        .containsKey(imageName);
                String command = String.join(" ", test);
                assertThat(command).as(service + " healthcheck").contains(IMAGE_TOOLS.get(imageName));
            }
        }
        // wget comes with busybox in the Alpine runtime image (and with Debian's wget in the local stand-in); the
        // Dockerfile's own HEALTHCHECK uses it too.
        assertThat(dockerfile).containsPattern("(?m)^ARG JRE_IMAGE=eclipse-temurin:17-jre-alpine\\s*$");
        assertThat(finalStage()).containsPattern("(?m)^FROM \\$\\{JRE_IMAGE}\\s*$");
        assertThat(finalStage())
                .contains("HEALTHCHECK")
                .contains("wget -q -O /dev/null \"http://127.0.0.1:${SERVER_PORT}/actuator/health\"");
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        Map<String, Set<String>> needs = Map.of(
                "network-service", Set.of("rabbitmq", "postgres"),
                "scheduler-service", Set.of("rabbitmq"),
                "compute-service", Set.of("rabbitmq", "scheduler-service"),
                "api-service", Set.of("rabbitmq", "postgres"));
        for (String service : Checkout.SERVICES) {
            Map<String, Object> dependsOn = map(services.get(service), "depends_on");
            assertThat(dependsOn)
                    .as(service + " depends_on")
                    .containsKeys(needs.get(service).toArray(String[]::new));
            for (Map.Entry<String, Object> dependency : dependsOn.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> condition = (Map<String, Object>) dependency.getValue();
                assertThat(condition.get("condition"))
                        .as(service + " on " + dependency.getKey())
                        .isEqualTo("service_healthy");
                assertThat(healthCheck(dependency.getKey()))
                        .as(dependency.getKey() + " healthcheck")
                        .isNotEmpty();
            }
        }
    }

    @Test
    void computeProcessesNameTheirHostsAfterTheirContainerSoTheyScale() {
        Map<String, Object> compute = services.get("compute-service");
        Map<String, Object> env = map(compute, "environment");
        // "$$" is compose's escape: the container gets ${HOSTNAME}-, which Spring resolves to the container id.
        assertThat(env.get("NOVASIM_COMPUTE_HOSTS_0_NAMEPREFIX")).isEqualTo("$${HOSTNAME}-");
        assertThat(compute).doesNotContainKeys("ports", "container_name");
    }

    @Test
    void configurationComesFromTheEnvironmentWithEveryVariableInEnvExample() throws IOException {
        String text = Files.readString(repository.resolve("docker-compose.yml")).replaceAll("(?m)\\s*#.*$", "");
        String example = Files.readString(repository.resolve(".env.example"));
        Set<String> used = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)").matcher(text);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).contains("RABBITMQ_PASSWORD", "POSTGRES_PASSWORD");
        for (String variable : used) {
            assertThat(example).as(".env.example documents " + variable).containsPattern("(?m)^#? ?" + variable + "=");
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserAndHoldsNoSecret() throws IOException {
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count())
                .as("stages")
                .isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("./mvnw");
        assertThat(finalStage()).containsPattern("(?m)^USER novasim\\s*$");
        assertThat(dockerfile).doesNotContainPattern("(?i)(ENV|ARG)\\s+\\S*(PASSWORD|SECRET|TOKEN)");
        String ignore = Files.readString(repository.resolve(".dockerignore"));
        assertThat(ignore.lines().map(String::trim)).contains(".env", "**/target", ".git", "data", "logs");
    }

    @Test
    void baseImagesAreVariablesWhoseDefaultsAreTheOfficialImagesTheTestsUseToo() {
        assertThat(dockerfile).containsPattern("(?m)^ARG JDK_IMAGE=eclipse-temurin:17-jdk\\s*$");
        assertThat(dockerfile).containsPattern("(?m)^FROM \\$\\{JDK_IMAGE} AS build\\s*$");
        for (String service : Checkout.SERVICES) {
            Map<String, Object> args = map(map(services.get(service), "build"), "args");
            assertThat(args.get("JDK_IMAGE")).as(service).isEqualTo("${NOVASIM_JDK_IMAGE:-eclipse-temurin:17-jdk}");
            assertThat(args.get("JRE_IMAGE"))
                    .as(service)
                    .isEqualTo("${NOVASIM_JRE_IMAGE:-eclipse-temurin:17-jre-alpine}");
        }
        assertThat(image("rabbitmq")).isEqualTo("${NOVASIM_RABBITMQ_IMAGE:-" + TestBroker.OFFICIAL_IMAGE + "}");
        assertThat(image("postgres")).isEqualTo("${NOVASIM_POSTGRES_IMAGE:-" + TestDatabase.OFFICIAL_IMAGE + "}");
    }

    @Test
    void everyImageVariableHasALocalStandInThatNovasimImagesBuildsAndNames() throws IOException {
        String text = Files.readString(repository.resolve("docker-compose.yml"));
        String images = Files.readString(repository.resolve("docker/images.sh"));
        Matcher matcher = Pattern.compile("\\$\\{NOVASIM_([A-Z]+)_IMAGE:-").matcher(text);
        Set<String> variables = new TreeSet<>();
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        assertThat(variables).containsExactly("JDK", "JRE", "POSTGRES", "RABBITMQ");
        for (String name : variables) {
            String folder = name.toLowerCase(Locale.ROOT);
            assertThat(repository.resolve("docker/images/" + folder + "/Dockerfile"))
                    .isRegularFile();
            // offline.env names the local image; never an official image's name.
            assertThat(images).contains("NOVASIM_" + name + "_IMAGE=${IMAGE[" + folder + "]}");
            assertThat(images).containsPattern("\\[" + folder + "]=novasim/" + folder + ":");
        }
    }

    @Test
    void nothingNeedsBuildKitOrARegistryAndEveryModulePomIsCopiedBeforeTheSources() throws IOException {
        // A "# syntax=" line makes BuildKit fetch its frontend from a registry; cache mounts need BuildKit, which
        // the docker client docker-compose v1 calls may lack.
        assertThat(dockerfile).doesNotContainPattern("(?m)^#\\s*syntax=").doesNotContain("--mount");
        String pom = Files.readString(repository.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        int modules = 0;
        while (module.find()) {
            modules++;
            String name = module.group(1);
            assertThat(dockerfile)
                    .as("the Dockerfile copies " + name + "/pom.xml")
                    .contains("COPY " + name + "/pom.xml " + name + "/");
        }
        assertThat(modules).isGreaterThan(5);
        assertThat(dockerfile.indexOf("COPY . .")).isGreaterThan(dockerfile.lastIndexOf("/pom.xml "));
    }

    @Test
    void portsArePublishedOnTheLoopbackAddressUnlessToldOtherwise() {
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            for (Object port : list(entry.getValue(), "ports")) {
                assertThat(port.toString())
                        .as(entry.getKey())
                        .matches("(\\$\\{NOVASIM_BIND:-127\\.0\\.0\\.1}|127\\.0\\.0\\.1):.+");
            }
        }
    }

    @Test
    void validatesWithDockerCompose() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Process process = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The services `up` starts; those of a profile (e.g. observability) start only when asked for. */
    private static Map<String, Map<String, Object>> defaultServices() {
        Map<String, Map<String, Object>> started = new LinkedHashMap<>(services);
        started.values().removeIf(service -> service.containsKey("profiles"));
        return started;
    }

    private static String finalStage() {
        return dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    }

    private static String serverPort(String service) {
        Matcher matcher = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port:\\s*(\\d+)")
                .matcher(serviceYml(service));
        assertThat(matcher.find()).as(service + ".yml sets server.port").isTrue();
        return matcher.group(1);
    }

    private static String serviceYml(String service) {
        try {
            return Files.readString(repository.resolve(service + "/src/main/resources/" + service + ".yml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    /** The image a service runs with no variable set: the default of "${VARIABLE:-default}". */
    private static String officialImage(String service) {
        Matcher matcher = Pattern.compile("\\$\\{[A-Z_]+:-([^}]+)}").matcher(image(service));
        return matcher.matches() ? matcher.group(1) : image(service);
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthCheck(String service) {
        Map<String, Object> healthcheck = map(services.get(service), "healthcheck");
        if (healthcheck == null || !(healthcheck.get("test") instanceof List<?> test)) {
            return List.of();
        }
        return new ArrayList<>((List<String>) test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> list ? list : List.of();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
