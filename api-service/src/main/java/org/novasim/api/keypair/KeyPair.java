package org.novasim.api.keypair;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A public key a user can have injected into servers; it belongs to the user, not the project. */
@Table("key_pairs")
public record KeyPair(
        @Id Long id, String userId, String name, String type, String fingerprint, String publicKey, Instant createdAt) {

    public static final String SSH = "ssh";
    public static final String X509 = "x509";
}
