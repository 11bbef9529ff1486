package org.novasim.api.keypair;

import java.util.LinkedHashMap;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Policy;
import org.novasim.api.web.Timestamps;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /compute/v2.1/os-keypairs}: a user's key pairs. From 2.2 a key pair has a type (ssh or x509) and create
 * answers 201 (200 before); from 2.10 an admin may act on another user's key pairs with {@code user_id}.
 */
@RestController
@RequestMapping("/compute/v2.1/os-keypairs")
class KeyPairsController {

    private final KeyPairService keyPairs;

    KeyPairsController(KeyPairService keyPairs) {
        this.keyPairs = keyPairs;
    }

    @GetMapping
    Map<String, Object> list(
            RpcContext context, ApiVersion version, @RequestParam(name = "user_id", required = false) String userId) {
        String owner = owner(context, version, userId);
        return Map.of(
                "keypairs",
                keyPairs.list(owner).stream()
                        .map(keyPair -> Map.of("keypair", summary(keyPair, version)))
                        .toList());
    }

    @GetMapping("/{name}")
    Map<String, Object> show(
            RpcContext context,
            ApiVersion version,
            @PathVariable String name,
            @RequestParam(name = "user_id", required = false) String userId) {
        KeyPair keyPair = keyPairs.get(owner(context, version, userId), name);
        Map<String, Object> view = summary(keyPair, version);
        view.put("user_id", keyPair.userId());
        view.put("created_at", Timestamps.iso(keyPair.createdAt()));
        view.put("deleted", false);
        view.put("deleted_at", null);
        view.put("updated_at", null);
        view.put("id", keyPair.id());
        return Map.of("keypair", view);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(RpcContext context, ApiVersion version, @RequestBody JsonNode body) {
        JsonNode keypair = body == null ? null : body.get("keypair");
        if (keypair == null || !keypair.isObject()) {
            throw ApiException.badRequest(
                    "Invalid input for field/attribute keypair. 'keypair' is a required property");
        }
        String name = text(keypair, "name");
        if (name == null) {
            throw ApiException.badRequest("Invalid input for field/attribute keypair. 'name' is a required property");
        }
        String type = KeyPair.SSH;
        if (keypair.has("type")) {
            if (!version.atLeast(2, 2)) {
                throw ApiException.badRequest("Invalid input for field/attribute keypair. Additional properties are "
                        + "not allowed ('type' was unexpected)");
            }
            type = text(keypair, "type");
        }
        String userId = keypair.has("user_id") && version.atLeast(2, 10) ? text(keypair, "user_id") : null;
        KeyPairService.Created created =
                keyPairs.create(context, owner(context, version, userId), name, type, text(keypair, "public_key"));
        Map<String, Object> view = summary(created.keyPair(), version);
        view.put("user_id", created.keyPair().userId());
        if (created.privateKey() != null) {
            view.put("private_key", created.privateKey());
        }
        HttpStatus status = version.atLeast(2, 2) ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(Map.of("keypair", view));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(
            RpcContext context,
            ApiVersion version,
            @PathVariable String name,
            @RequestParam(name = "user_id", required = false) String userId) {
        keyPairs.delete(owner(context, version, userId), name);
        return ResponseEntity.status(version.atLeast(2, 2) ? HttpStatus.NO_CONTENT : HttpStatus.ACCEPTED)
                .build();
    }

    /** The user whose key pairs are meant: the caller's own, or (2.10, admin) the one named. */
    private static String owner(RpcContext context, ApiVersion version, String userId) {
        if (userId == null || userId.equals(context.userId()) || !version.atLeast(2, 10)) {
            return context.userId();
        }
        Policy.requireAdmin(context, "os_compute_api:os-keypairs:index");
        return userId;
    }

    private static Map<String, Object> summary(KeyPair keyPair, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", keyPair.name());
        view.put("public_key", keyPair.publicKey());
        view.put("fingerprint", keyPair.fingerprint());
        if (version.atLeast(2, 2)) {
            view.put("type", keyPair.type());
        }
        return view;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". "
                    + value + " is not of type 'string'");
        }
        return value.asString();
    }
}
