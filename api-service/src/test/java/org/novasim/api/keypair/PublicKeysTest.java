package org.novasim.api.keypair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fingerprints checked against {@code ssh-keygen -l -E md5} of the same keys. */
class PublicKeysTest {

    static final String RSA =
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDhoAMQ/PVoLlUzfRutOaBPQVqdnU1JnzYDUcyv9bPtk/+1eyne6MWPuWebUPVTzKPxOnv/TIetGGWeLciyKMO378W3lLKeb66djxpInBThlpRebZw74T8SIf+9jfXaxcKaqCOjIxwCFDfip5m3/wc4hRUwc7+IJ4AQc4ResZzD71SqNzeJAP212ZMMUUBs/EJmLzEzuN43bY3le+vYieJyM4Qk5iCVSHCuyCTl6lg3q07WakXEdAdc3cJsfb+NTpvr0Nq/oD/BKbwdxtA1gfmBRRik7LhSJlhFZeo1z0ZLc2DtqQi9XB2xyTtOxI+bl1IKyJnafUL2yediq4/FSsuM1/ps9iKdZWkeAnab8f12ZbbENbAEHT82c1fDYnUrMCfjVYmOUNZQEetXM0+5T/p4XkP1fR6gTlvWvmdRAQemQawhalVY1csDlPNb0ZHI+CjyDd6gwWZKYhqu6fSJzlpPS11lmMqd1mIYZohdO0jNC7/2RlEi+W4R828VQj8H/rE= test@novasim";
    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxOmm0DQtQfSR2zkE0p8j/eQ6llQ6E14/PasDRZrvbq test@novasim";
    static final String ECDSA =
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCFa2N8jOjRx2Sho8cxoD25IpEV0sz+bWKN4VQNPmmmVK54n6nrpHbiF4enKvi2MPIUrMIfSnUAbdZtvRLtd0/E= test@novasim";

    @Test
    void fingerprintsAsNovaAndSshKeygenDo() {
        assertThat(PublicKeys.sshFingerprint(RSA)).isEqualTo("1c:8d:a1:1e:8e:1f:3f:22:87:2e:68:f1:a4:a3:dd:0a");
        assertThat(PublicKeys.sshFingerprint(ED25519)).isEqualTo("8b:0b:27:d8:4b:79:52:30:d0:d4:dc:eb:54:db:fe:f0");
        assertThat(PublicKeys.sshFingerprint(ECDSA)).isEqualTo("05:1d:dc:8f:ab:b9:54:eb:eb:8e:e5:ef:c3:63:7e:92");
    }

    @Test
    void refusesKeysThatAreNotWhatTheySay() {
        assertThatThrownBy(() -> PublicKeys.sshFingerprint("ssh-rsa not-base64!!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeys.sshFingerprint("ssh-dss AAAAB3NzaC1kc3MAAACBAP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeys.sshFingerprint("hello")).isInstanceOf(IllegalArgumentException.class);
        // An Ed25519 blob presented as RSA.
        assertThatThrownBy(() -> PublicKeys.sshFingerprint(ED25519.replace("ssh-ed25519", "ssh-rsa")))
                .isInstanceOf(IllegalArgumentException.class);
        // A truncated RSA key.
        assertThatThrownBy(() -> PublicKeys.sshFingerprint(RSA.substring(0, 60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesAnRsaPairWhosePublicHalfIsAValidKey() {
        PublicKeys.Generated generated = PublicKeys.generateSsh();

        assertThat(generated.publicKey()).startsWith("ssh-rsa ").endsWith(" Generated-by-Nova");
        assertThat(generated.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(PublicKeys.sshFingerprint(generated.publicKey())).isEqualTo(generated.fingerprint());
    }

    @Test
    void generatesAndReadsX509Certificates() {
        PublicKeys.Generated generated = PublicKeys.generateX509("k1");

        assertThat(generated.publicKey()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(PublicKeys.x509Fingerprint(generated.publicKey())).isEqualTo(generated.fingerprint());
        assertThatThrownBy(() ->
                        PublicKeys.x509Fingerprint("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
