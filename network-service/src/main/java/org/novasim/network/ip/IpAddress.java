package org.novasim.network.ip;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address as a number, so that ranges can be walked and compared. {@link #toString()} is the
 * canonical text (dotted quad; RFC 5952 for IPv6: lower case, no leading zeros, the longest run of zero groups as
 * "::"), which is what the database stores: two spellings of one address must not count as two addresses.
 */
public record IpAddress(int version, BigInteger value) implements Comparable<IpAddress> {

    private static final BigInteger MAX_V4 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger MAX_V6 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public IpAddress {
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("IP version must be 4 or 6, not " + version);
        }
        if (value.signum() < 0 || value.compareTo(max(version)) > 0) {
            throw new IllegalArgumentException(value + " is outside the IPv" + version + " address space");
        }
    }

    /** Parses a literal address. Never resolves a host name: text that is not an address is refused. */
    public static IpAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IP address is required");
        }
        String trimmed = text.trim();
        return trimmed.indexOf(':') >= 0
                ? new IpAddress(6, IpV6Text.parse(trimmed))
                : new IpAddress(4, parseV4(trimmed));
    }

    public static BigInteger max(int version) {
        return version == 4 ? MAX_V4 : MAX_V6;
    }

    public static int bits(int version) {
        return version == 4 ? 32 : 128;
    }

    public IpAddress plus(long delta) {
        return new IpAddress(version, value.add(BigInteger.valueOf(delta)));
    }

    @Override
    public int compareTo(IpAddress other) {
        return version != other.version ? Integer.compare(version, other.version) : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return version == 4 ? formatV4(value.longValue()) : IpV6Text.format(value);
    }

    private static BigInteger parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
        }
        long value = 0;
        for (String part : parts) {
            // Leading zeros are refused: "010" is octal to some parsers and decimal to others.
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
            }
            value = value << 8 | octet;
        }
        return BigInteger.valueOf(value);
    }

    private static String formatV4(long value) {
        return (value >>> 24 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
    }
}
