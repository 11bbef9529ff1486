package org.novasim.api.keypair;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.novasim.api.quota.QuotaService;
import org.novasim.api.web.ApiException;
import org.novasim.common.rpc.RpcContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Importing, generating, finding and deleting a user's key pairs. */
@Service
public class KeyPairService {

    /** Nova's key pair names before 2.92: letters, digits, '.', '_', '-' and inner spaces. */
    private static final String NAME = "^(?! )[a-zA-Z0-9. _-]+(?<! )$";
    /** The public_key column (Nova's is a MySQL TEXT, 64 KiB). */
    private static final int MAX_PUBLIC_KEY = 65535;

    /** A created key pair, with the private key when novasim generated it (shown this once, never stored). */
    public record Created(KeyPair keyPair, String privateKey) {}

    private final KeyPairRepository keyPairs;
    private final QuotaService quotas;
    private final Clock clock;

    public KeyPairService(KeyPairRepository keyPairs, QuotaService quotas, Clock clock) {
        this.keyPairs = keyPairs;
        this.quotas = quotas;
        this.clock = clock;
    }

    public Created create(RpcContext context, String userId, String name, String type, String publicKey) {
        if (name == null || name.length() > 255 || !name.matches(NAME)) {
            throw ApiException.badRequest("Keypair data is invalid: Keypair name contains unsafe characters");
        }
        if (!KeyPair.SSH.equals(type) && !KeyPair.X509.equals(type)) {
            throw ApiException.badRequest("Invalid input for field/attribute type. Value: " + type + ". '" + type
                    + "' is not one of ['ssh', 'x509']");
        }
        if (keyPairs.findByUserIdAndName(userId, name).isPresent()) {
            throw ApiException.conflict("Key pair '" + name + "' already exists.");
        }
        if (publicKey != null && publicKey.length() > MAX_PUBLIC_KEY) {
            throw ApiException.badRequest(
                    "Keypair data is invalid: public_key is longer than " + MAX_PUBLIC_KEY + " characters");
        }
        quotas.checkKeyPairs(context.projectId(), keyPairs.countByUserId(userId));
        String privateKey = null;
        String fingerprint;
        if (publicKey == null) {
            PublicKeys.Generated generated =
                    KeyPair.SSH.equals(type) ? PublicKeys.generateSsh() : PublicKeys.generateX509(name);
            publicKey = generated.publicKey();
            privateKey = generated.privateKey();
            fingerprint = generated.fingerprint();
        } else {
            try {
                fingerprint = KeyPair.SSH.equals(type)
                        ? PublicKeys.sshFingerprint(publicKey)
                        : PublicKeys.x509Fingerprint(publicKey);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Keypair data is invalid: failed to generate fingerprint");
            }
        }
        try {
            KeyPair saved = keyPairs.save(
                    new KeyPair(null, userId, name, type, fingerprint, publicKey.trim(), clock.instant()));
            return new Created(saved, privateKey);
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("Key pair '" + name + "' already exists.");
        }
    }

    public List<KeyPair> list(String userId) {
        return keyPairs.findByUserIdOrderByName(userId);
    }

    public KeyPair get(String userId, String name) {
        return find(userId, name)
                .orElseThrow(() -> ApiException.notFound("Keypair " + name + " not found for user " + userId));
    }

    public Optional<KeyPair> find(String userId, String name) {
        return keyPairs.findByUserIdAndName(userId, name);
    }

    public void delete(String userId, String name) {
        keyPairs.delete(get(userId, name));
    }
}
