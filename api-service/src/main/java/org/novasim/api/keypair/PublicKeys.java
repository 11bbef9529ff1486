package org.novasim.api.keypair;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Public keys as Nova handles them: OpenSSH keys (RSA, ECDSA, Ed25519) are parsed and checked, not just
 * pattern-matched; fingerprints are Nova's (MD5 of the key blob for ssh, SHA-1 of the certificate for x509,
 * colon-separated hex); generated key pairs are RSA 2048, as Nova made them.
 */
public final class PublicKeys {

    /** A generated pair: what is stored, and the private key the user gets once. */
    public record Generated(String publicKey, String privateKey, String fingerprint) {}

    private static final Set<String> SSH_TYPES =
            Set.of("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private PublicKeys() {}

    /** The fingerprint of an OpenSSH public key line; IllegalArgumentException when it is not a valid key. */
    public static String sshFingerprint(String publicKey) {
        String[] parts = publicKey.trim().split("\\s+");
        if (parts.length < 2 || !SSH_TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("not an OpenSSH public key of a supported type");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not valid base64");
        }
        if (!parts[0].equals(typeInBlob(blob))) {
            throw new IllegalArgumentException("the key's type does not match its data");
        }
        try {
            OpenSSHPublicKeyUtil.parsePublicKey(blob);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the key data is invalid: " + e.getMessage());
        }
        return colonHex(digest("MD5", blob));
    }

    /** The fingerprint of a PEM X.509 certificate; IllegalArgumentException when it is not one. */
    public static String x509Fingerprint(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return colonHex(digest("SHA-1", certificate.getEncoded()));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid X.509 certificate");
        }
    }

    /** A new RSA 2048 key pair, as OpenSSH public key and PEM private key ("Generated-by-Nova", like Nova's). */
    public static Generated generateSsh() {
        java.security.KeyPair pair = rsa2048(); // not this package's KeyPair record
        RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
        AsymmetricKeyParameter parameters = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        byte[] blob;
        try {
            blob = OpenSSHPublicKeyUtil.encodePublicKey(parameters);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a key in memory cannot fail", e);
        }
        String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " Generated-by-Nova";
        return new Generated(publicKey, pem(pair.getPrivate()), colonHex(digest("MD5", blob)));
    }

    /** A new self-signed RSA 2048 certificate and its key, for x509 key pairs (microversion 2.2). */
    public static Generated generateX509(String commonName) {
        java.security.KeyPair pair = rsa2048(); // not this package's KeyPair record
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    new X500Name("CN=" + commonName.replaceAll("[,=+]", "_")),
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    new X500Name("CN=" + commonName.replaceAll("[,=+]", "_")),
                    pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new Generated(
                    pem(certificate), pem(pair.getPrivate()), colonHex(digest("SHA-1", certificate.getEncoded())));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("could not make a certificate", e);
        }
    }

    private static java.security.KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has RSA", e);
        }
    }

    /** The type name an OpenSSH key blob starts with: a 4-byte length, then that many bytes. */
    private static String typeInBlob(byte[] blob) {
        if (blob.length < 4) {
            return "";
        }
        int length = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (length <= 0 || length > blob.length - 4) {
            return "";
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    private static String pem(Object value) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }

    private static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
