package org.novasim.systemtest.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.novasim.systemtest.hostile.HostileRequest.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the requests of one seeded run: for each route, requests as every kind of caller, with path variables
 * that name real resources or nothing sensible, query parameters and bodies that are a valid example bent one way
 * (a wrong type, a missing or extra field, a huge number, a long or unicode or NUL string, deep nesting, bad JSON,
 * an oversized body) and odd Accept, Content-Type and microversion headers and path spellings. The same seed makes
 * the same requests.
 */
public final class RequestGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> QUERY_NAMES = List.of(
            "limit",
            "marker",
            "name",
            "ip",
            "changes-since",
            "sort_key",
            "sort_dir",
            "all_tenants",
            "project_id",
            "tenant_id",
            "fields",
            "status",
            "flavor",
            "image",
            "host",
            "deleted",
            "user_id",
            "id",
            "shared",
            "router:external",
            "network_id",
            "device_id",
            "minDisk",
            "minRam",
            "is_public",
            "length",
            "detailed",
            "reserved",
            "server_id",
            "binary",
            "hypervisor_hostname",
            "availability_zone",
            "mac_address",
            "cidr");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=ebcdic-nope",
            "application/json; charset=utf-16",
            ";;;",
            "*/*",
            "application/octet-stream",
            "application/json-patch+json");
    private static final List<String> ACCEPTS = List.of(
            "application/xml",
            "text/html",
            "image/png",
            "application/json;q=0",
            "*/*;q=bad",
            "nonsense",
            "application/vnd.openstack.compute+xml;version=2");
    private static final List<String> VERSIONS = List.of(
            "compute 2.999",
            "compute latest",
            "compute 2.",
            "compute x.y",
            "compute 1.0",
            "2.1",
            "compute 2.1 2.2",
            "compute -2.1",
            "network 2.0",
            "");

    private final Random random;
    private final BiFunction<Route, String, String> validValue;
    private final Map<Route, List<String>> examples;
    private final Map<Role, String> tokens;
    private int number;

    /**
     * @param validValue a value of the path variable that names an existing resource (null when there is none)
     * @param examples   valid bodies of the routes that take one
     * @param tokens     the token each authenticated (or revoked, or bad) role sends
     */
    public RequestGenerator(
            long seed,
            BiFunction<Route, String, String> validValue,
            Map<Route, List<String>> examples,
            Map<Role, String> tokens) {
        this.random = new Random(seed);
        this.validValue = validValue;
        this.examples = examples;
        this.tokens = tokens;
    }

    /** {@code count} requests to the route, each as one of the roles in turn, so every role reaches it. */
    public List<HostileRequest> forRoute(Route route, int count) {
        List<HostileRequest> requests = new ArrayList<>();
        Role[] roles = Role.values();
        int offset = random.nextInt(roles.length);
        for (int i = 0; i < count; i++) {
            requests.add(make(route, roles[(i + offset) % roles.length]));
        }
        return requests;
    }

    private HostileRequest make(Route route, Role role) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = tokens.get(role);
        if (token != null) {
            headers.put("X-Auth-Token", token);
        }
        String target = path(route) + query();
        byte[] body = null;
        boolean takesBody = route.method().equals("POST")
                || route.method().equals("PUT")
                || route.method().equals("PATCH");
        if (takesBody || random.nextInt(20) == 0) {
            body = body(route);
        }
        if (body != null) {
            headers.put("Content-Type", random.nextInt(6) == 0 ? pick(CONTENT_TYPES) : "application/json");
        }
        if (random.nextInt(6) == 0) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (random.nextInt(8) == 0) {
            headers.put(
                    random.nextBoolean() ? "OpenStack-API-Version" : "X-OpenStack-Nova-API-Version", pick(VERSIONS));
        }
        if (route.pattern().startsWith("/identity/v3/auth/tokens") && random.nextInt(4) != 0) {
            headers.put("X-Subject-Token", subjectToken());
        }
        if (random.nextInt(40) == 0) {
            headers.put("X-Auth-Token", pick(HostileValues.STRINGS).replaceAll("[\\r\\n\\x00]", ""));
        }
        return new HostileRequest(++number, route, role, route.method(), target, headers, body);
    }

    /** Never a token the suite itself uses: revoking those would end the run's other roles. */
    private String subjectToken() {
        return switch (random.nextInt(4)) {
            case 0 -> tokens.get(Role.REVOKED_TOKEN);
            case 1 -> tokens.get(Role.BAD_TOKEN);
            case 2 -> "";
            default -> pick(HostileValues.STRINGS).replaceAll("[\\r\\n\\x00]", "");
        };
    }

    private String path(Route route) {
        StringBuilder path = new StringBuilder();
        String pattern = route.pattern().replace("/**", "/" + pick(List.of("x", "v2.0/nothing", "v3/a/b/c")));
        int at = 0;
        for (var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(pattern); matcher.find(); ) {
            path.append(pattern, at, matcher.start());
            String valid = validValue.apply(route, matcher.group(1));
            String value = valid != null && random.nextInt(10) < 6 ? valid : pick(HostileValues.IDS);
            path.append(segment(value));
            at = matcher.end();
        }
        path.append(pattern.substring(at));
        return spell(path.length() == 0 ? "/" : path.toString());
    }

    /** A path segment: usually encoded properly, now and then raw or half-encoded as a careless client would. */
    private String segment(String value) {
        if (random.nextInt(10) == 0) {
            return value.replace(" ", "%20").replace("\u0000", "%00");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Odd spellings of the same path, now and then. */
    private String spell(String path) {
        if (random.nextInt(12) != 0 || path.length() < 2) {
            return path;
        }
        return switch (random.nextInt(8)) {
            case 0 -> path + "/";
            case 1 -> path.replaceFirst("/", "//");
            case 2 -> "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2);
            case 3 -> path.replaceFirst("/([^/]+)", "/$1;x=1");
            case 4 -> path.replaceFirst("/([^/]+)/", "/$1/./");
            case 5 -> path.replaceFirst("/([^/]+)/", "/$1/../$1/");
            case 6 -> path.toUpperCase(java.util.Locale.ROOT);
            default -> path + ".json";
        };
    }

    private String query() {
        if (random.nextInt(3) != 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        int parameters = 1 + random.nextInt(3);
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.append('&');
            }
            String value = random.nextBoolean() ? pick(HostileValues.NUMBERS) : pick(HostileValues.STRINGS);
            query.append(URLEncoder.encode(pick(QUERY_NAMES), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private byte[] body(Route route) {
        List<String> valid = examples.get(route);
        String example = valid == null ? null : pick(valid);
        int kind = random.nextInt(100);
        if (kind < 4) {
            return new byte[0];
        }
        if (kind < 12) {
            return badJson(example == null ? "{\"x\": 1}" : example);
        }
        if (kind < 14) {
            // Past the 112 KiB limit: a 413, never a read of the whole.
            return ("{\"x\": \"" + "z".repeat(120_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 17) {
            // Deeper than a JSON writer will write: as text.
            int depth = 200 + random.nextInt(2000);
            return ("{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 21) {
            return JSON.writeValueAsBytes(HostileValues.any(random));
        }
        if (example == null) {
            ObjectNode root = JSON.createObjectNode();
            root.set(pick(HostileValues.FIELD_NAMES), HostileValues.junkObject(random));
            return JSON.writeValueAsBytes(root);
        }
        JsonNode tree = JSON.readTree(example);
        if (kind < 30) {
            return JSON.writeValueAsBytes(tree);
        }
        mutate(tree);
        if (random.nextInt(4) == 0) {
            mutate(tree);
        }
        return JSON.writeValueAsBytes(tree);
    }

    /** One change somewhere in the tree: a value replaced, a field removed, a field added. */
    private void mutate(JsonNode tree) {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = pick(containers);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            int change = random.nextInt(10);
            if (names.isEmpty() || change < 2) {
                object.set(
                        random.nextBoolean() ? pick(HostileValues.FIELD_NAMES) : pick(HostileValues.STRINGS),
                        HostileValues.any(random));
            } else if (change < 4) {
                object.remove(pick(names));
            } else {
                object.set(pick(names), HostileValues.any(random));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(HostileValues.any(random));
            } else {
                array.set(random.nextInt(array.size()), HostileValues.any(random));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.values().iterator(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    private byte[] badJson(String example) {
        String text = switch (random.nextInt(9)) {
            case 0 -> example.substring(0, random.nextInt(Math.max(1, example.length())));
            case 1 -> example + "}}";
            case 2 -> example.replace('"', '\'');
            case 3 -> "\ufeff" + example;
            case 4 -> example.replaceFirst(":", ": NaN, \"z\":");
            case 5 -> "/* comment */" + example;
            case 6 -> example.replaceFirst("\"", "\"\u0000");
            case 7 -> "[".repeat(100_000);
            default -> "{\"a\": 1, \"a\": 2, " + example.substring(Math.min(1, example.length()));
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0 && bytes.length > 2) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // a broken UTF-8 sequence
        }
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
