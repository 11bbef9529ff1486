package org.novasim.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void matchesOnlyThePasswordAndNeverStoresIt() {
        String hash = hasher.hash("s3cret");

        assertThat(hash).startsWith("pbkdf2_sha512$").doesNotContain("s3cret");
        assertThat(hasher.matches("s3cret", hash)).isTrue();
        assertThat(hasher.matches("s3cret ", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches("s3cret", "plain-text")).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }
}
