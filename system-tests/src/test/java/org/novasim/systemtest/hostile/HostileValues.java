package org.novasim.systemtest.hostile;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What a hostile client puts where a value belongs: the wrong type, the edge of a range, text no field expects. */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> STRINGS = List.of(
            "",
            " ",
            "a",
            "x".repeat(256),
            "y".repeat(4096),
            "é".repeat(300),
            "😀".repeat(200),
            "nul\u0000inside",
            "\u0000",
            "tab\tnew\nline\r",
            "\u202eevil",
            "\u200b\ufeff\u00ad",
            "' OR '1'='1",
            "%s%n%x",
            "${jndi:ldap://127.0.0.1/x}",
            "(a+)+$",
            "((((((((((a*)*)*)*)*)*)*)*)*)*)*b",
            "[",
            "*",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "true",
            "null",
            "00000000-0000-0000-0000-000000000000",
            "2026-13-45T99:99:99Z",
            "1970-01-01T00:00:00Z",
            "0001-01-01",
            "10.0.0.0/33",
            "::::",
            "256.256.256.256",
            "fa:16:3e:zz:zz:zz");

    static final List<String> NUMBERS = List.of(
            "0",
            "-1",
            "-2147483649",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "1e309",
            "-1e309",
            "1.5",
            "-0",
            "0.0000001",
            "123456789012345678901234567890");

    /** Path segments an id may be replaced with (before percent-encoding). */
    static final List<String> IDS = List.of(
            "nope",
            "00000000-0000-0000-0000-000000000000",
            "-1",
            "0",
            "99999999999999999999",
            "x".repeat(300),
            "é😀",
            "a b",
            "a\u0000b",
            "a/b",
            "..",
            ".",
            "%",
            "a;b=c",
            "detail",
            "action",
            "{id}",
            "' OR 1=1 --");

    private HostileValues() {}

    /** A JSON value of any kind, some of them pathological. */
    static JsonNode any(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new java.math.BigDecimal(pick(random, NUMBERS)));
            case 3 -> NODES.numberNode(random.nextInt());
            case 4 -> NODES.arrayNode().add(pick(random, STRINGS));
            case 5 -> NODES.objectNode().put(pick(random, STRINGS), pick(random, STRINGS));
            case 6 -> deep(random.nextInt(40) + 10);
            case 7 -> NODES.arrayNode();
            case 8 -> NODES.objectNode();
            default -> NODES.stringNode(pick(random, STRINGS));
        };
    }

    /** Arrays in arrays, deep enough to test a parser's limits without passing the body size limit. */
    static JsonNode deep(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode at = root;
        for (int i = 0; i < depth; i++) {
            at = at.addArray();
        }
        return root;
    }

    /** An object of made-up attributes, for a route the suite has no example body of. */
    static ObjectNode junkObject(Random random) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            object.set(pick(random, FIELD_NAMES), any(random));
        }
        return object;
    }

    /** Names fields of OpenStack request bodies have, so junk reaches the code that reads them. */
    static final List<String> FIELD_NAMES = List.of(
            "name",
            "id",
            "flavorRef",
            "imageRef",
            "networks",
            "min_count",
            "max_count",
            "metadata",
            "key_name",
            "availability_zone",
            "adminPass",
            "user_data",
            "security_groups",
            "block_device_mapping_v2",
            "ram",
            "vcpus",
            "disk",
            "public_key",
            "type",
            "policies",
            "policy",
            "rules",
            "quota_set",
            "instances",
            "cores",
            "host",
            "binary",
            "status",
            "disabled_reason",
            "forced_down",
            "cidr",
            "ip_version",
            "network_id",
            "fixed_ips",
            "allocation_pools",
            "gateway_ip",
            "project_id",
            "tenant_id",
            "shared",
            "mtu",
            "port",
            "auth",
            "identity",
            "methods",
            "password",
            "token",
            "scope",
            "project",
            "user",
            "domain",
            "length",
            "os-start",
            "os-stop",
            "reboot",
            "pause",
            "lock",
            "resize",
            "createImage",
            "rebuild",
            "changePassword",
            "meta",
            "extra_specs",
            "description",
            "admin_state_up",
            "router:external");

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
