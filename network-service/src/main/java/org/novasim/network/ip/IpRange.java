package org.novasim.network.ip;

import java.math.BigInteger;

/** A range of addresses of one version, both ends included: an allocation pool. */
public record IpRange(IpAddress first, IpAddress last) {

    public IpRange {
        if (first.version() != last.version()) {
            throw new IllegalArgumentException("range " + first + " - " + last + " mixes IP versions");
        }
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range " + first + " - " + last + " ends before it starts");
        }
    }

    public static IpRange parse(String first, String last) {
        return new IpRange(IpAddress.parse(first), IpAddress.parse(last));
    }

    public int version() {
        return first.version();
    }

    public boolean contains(IpAddress address) {
        return address.version() == version() && address.compareTo(first) >= 0 && address.compareTo(last) <= 0;
    }

    public boolean overlaps(IpRange other) {
        return other.version() == version() && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    public BigInteger size() {
        return last.value().subtract(first.value()).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
