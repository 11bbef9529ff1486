package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.network.NetworkApi;
import org.novasim.common.scheduler.SchedulerApi;
import org.novasim.common.service.ServiceApi;

/**
 * Every RPC method's wire shape, pinned (as Nova's test_objects.py pins its versioned objects): the method's name,
 * kind and version, and the shapes of its argument and result records, field by field and recursively, hashed and
 * compared with {@code contract-fingerprints.txt}. A message that changes shape without a new contract version
 * fails here with what to bump, so that a rolling upgrade never meets a message its peer misreads.
 *
 * <p>Each line of the table is one method and the fingerprints it had, oldest first: {@code
 * ComputeApi.report_hosts 1.1=0123456789ab}. A change appends a fingerprint under a version newer than every one
 * the table has for that contract, and the contract's {@code VERSION} must have reached it.
 */
class ContractFingerprintTest {

    private static final List<Class<?>> CONTRACTS =
            List.of(ComputeApi.class, ConductorApi.class, NetworkApi.class, SchedulerApi.class, ServiceApi.class);
    private static final String TABLE = "contract-fingerprints.txt";

    private final RpcCodec codec = new RpcCodec();

    @Test
    void everyContractIsPinnedAndChangesOnlyWithANewVersion() throws IOException {
        Map<String, List<String[]>> pinned = table();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> contract : CONTRACTS) {
            RpcVersion version = version(contract);
            RpcVersion newestPinned = pinned.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(contract.getSimpleName() + "."))
                    .flatMap(e -> e.getValue().stream())
                    .map(entry -> RpcVersion.parse(entry[0]))
                    .max(RpcVersion::compareTo)
                    .orElse(new RpcVersion(version.major(), 0));
            for (RpcMethod<?, ?> method : methods(contract)) {
                String key = contract.getSimpleName() + "." + method.name();
                seen.add(key);
                String fingerprint = fingerprint(method);
                List<String[]> history = pinned.get(key);
                String next = version.compareTo(newestPinned) > 0
                        ? version.toString()
                        : new RpcVersion(version.major(), newestPinned.minor() + 1).toString();
                if (history == null) {
                    problems.add(key + " is new: add the line '" + key + " " + method.since() + "=" + fingerprint
                            + "' to " + TABLE
                            + (method.since().compareTo(newestPinned) > 0
                                    ? ""
                                    : " (a new method needs a new version: since " + next + ", and "
                                            + contract.getSimpleName() + ".VERSION at least that)"));
                    continue;
                }
                String[] latest = history.get(history.size() - 1);
                if (latest[1].equals(fingerprint)) {
                    if (RpcVersion.parse(latest[0]).compareTo(version) > 0) {
                        problems.add(key + " is pinned at " + latest[0] + ", newer than " + contract.getSimpleName()
                                + ".VERSION " + version);
                    }
                    continue;
                }
                if (version.compareTo(newestPinned) > 0) {
                    problems.add(key + " changed with the new version " + version + ": append ' " + version + "="
                            + fingerprint + "' to its line in " + TABLE);
                } else {
                    problems.add(key + " changed shape without a new contract version (now " + shape(method)
                            + "). Bump " + contract.getSimpleName() + ".VERSION to " + next
                            + ", say what changed in its version history (new fields @Since(\"" + next
                            + "\")), then append ' " + next + "=" + fingerprint + "' to its line in " + TABLE);
                }
            }
        }
        pinned.keySet().stream()
                .filter(key -> !seen.contains(key))
                .forEach(key -> problems.add(key + " is pinned but gone: removing a method breaks older callers and"
                        + " needs a new major version; remove its line from " + TABLE + " only then"));
        pinned.forEach((key, history) -> {
            for (int i = 1; i < history.size(); i++) {
                if (RpcVersion.parse(history.get(i)[0]).compareTo(RpcVersion.parse(history.get(i - 1)[0])) <= 0) {
                    problems.add(key + ": its fingerprints must have increasing versions");
                }
            }
        });
        assertThat(problems).as("RPC contracts against " + TABLE).isEmpty();
    }

    @Test
    void aFieldChangeChangesTheFingerprint() {
        record Before(String host, int count) {}
        record After(String host, long count) {}
        record Renamed(String hostName, int count) {}

        assertThat(shape(Before.class)).isNotEqualTo(shape(After.class)).isNotEqualTo(shape(Renamed.class));
    }

    private static List<RpcMethod<?, ?>> methods(Class<?> contract) {
        List<RpcMethod<?, ?>> methods = new ArrayList<>();
        for (Field field : contract.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == RpcMethod.class) {
                try {
                    methods.add((RpcMethod<?, ?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return methods;
    }

    private static RpcVersion version(Class<?> contract) {
        try {
            return (RpcVersion) contract.getField("VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(contract + " needs a public static VERSION", e);
        }
    }

    private String shape(RpcMethod<?, ?> method) {
        return method.name() + (method.resultType() == Void.class ? " cast " : " call ") + method.since() + " "
                + shape(method.argsType()) + " -> " + shape(method.resultType());
    }

    private String fingerprint(RpcMethod<?, ?> method) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(shape(method).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String shape(Type type) {
        return shape(type, new HashSet<>());
    }

    /** A type as it travels: records field by field (snake_case, as on the wire), enums by their wire values. */
    private String shape(Type type, Set<Type> open) {
        if (type instanceof ParameterizedType generic) {
            return ((Class<?>) generic.getRawType()).getSimpleName()
                    + Arrays.stream(generic.getActualTypeArguments())
                            .map(argument -> shape(argument, open))
                            .collect(Collectors.joining(",", "<", ">"));
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName();
        }
        if (c.isEnum()) {
            return c.getSimpleName()
                    + Arrays.stream(c.getEnumConstants())
                            .map(constant -> codec.toTree(constant).toString())
                            .collect(Collectors.joining(",", "[", "]"));
        }
        if (!c.isRecord()) {
            return c.getSimpleName();
        }
        if (!open.add(c)) {
            return c.getSimpleName() + "{...}";
        }
        StringBuilder shape = new StringBuilder(c.getSimpleName()).append('{');
        for (RecordComponent component : c.getRecordComponents()) {
            Since since = component.getAnnotation(Since.class);
            shape.append(component.getName())
                    .append(since == null ? "" : "@" + since.value())
                    .append(':')
                    .append(shape(component.getGenericType(), open))
                    .append(';');
        }
        open.remove(c);
        return shape.append('}').toString();
    }

    private static Map<String, List<String[]>> table() throws IOException {
        Map<String, List<String[]>> table = new LinkedHashMap<>();
        try (InputStream in = ContractFingerprintTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                List<String[]> history = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    history.add(parts[i].split("=", 2));
                }
                table.put(parts[0], history);
            }
        }
        return table;
    }
}
