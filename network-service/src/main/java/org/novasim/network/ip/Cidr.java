package org.novasim.network.ip;

import java.math.BigInteger;

/** A network in CIDR notation whose host bits are all zero, as Neutron requires of a subnet's cidr. */
public record Cidr(IpAddress network, int prefixLength) {

    public Cidr {
        int bits = IpAddress.bits(network.version());
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(
                    "prefix length /" + prefixLength + " is not valid for IPv" + network.version());
        }
        if (!network.value().and(hostMask(network.version(), prefixLength)).equals(BigInteger.ZERO)) {
            Cidr suggested = new Cidr(
                    new IpAddress(network.version(), network.value().andNot(hostMask(network.version(), prefixLength))),
                    prefixLength);
            throw new IllegalArgumentException("'" + network + "/" + prefixLength
                    + "' isn't a recognized IP subnet cidr, '" + suggested + "' is recommended");
        }
    }

    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cidr is required");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP subnet cidr");
        }
        IpAddress address;
        int prefix;
        try {
            address = IpAddress.parse(text.substring(0, slash));
            String length = text.substring(slash + 1).trim();
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix");
            }
            prefix = Integer.parseInt(length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP subnet cidr");
        }
        return new Cidr(address, prefix);
    }

    public int version() {
        return network.version();
    }

    public IpAddress first() {
        return network;
    }

    /** The last address: IPv4's broadcast address. */
    public IpAddress last() {
        return new IpAddress(version(), network.value().or(hostMask(version(), prefixLength)));
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(IpAddress.bits(version()) - prefixLength);
    }

    public boolean contains(IpAddress address) {
        return address.version() == version() && address.compareTo(first()) >= 0 && address.compareTo(last()) <= 0;
    }

    public boolean overlaps(Cidr other) {
        return other.version() == version()
                && first().compareTo(other.last()) <= 0
                && other.first().compareTo(last()) <= 0;
    }

    private static BigInteger hostMask(int version, int prefixLength) {
        return BigInteger.ONE.shiftLeft(IpAddress.bits(version) - prefixLength).subtract(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
