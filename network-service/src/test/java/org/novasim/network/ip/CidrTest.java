package org.novasim.network.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void knowsItsBounds() {
        Cidr cidr = Cidr.parse("10.0.0.0/24");

        assertThat(cidr.first().toString()).isEqualTo("10.0.0.0");
        assertThat(cidr.last().toString()).isEqualTo("10.0.0.255");
        assertThat(cidr.size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(cidr.contains(IpAddress.parse("10.0.0.77"))).isTrue();
        assertThat(cidr.contains(IpAddress.parse("10.0.1.0"))).isFalse();
        assertThat(cidr.contains(IpAddress.parse("fd00::1"))).isFalse();
    }

    @Test
    void ipv6() {
        Cidr cidr = Cidr.parse("fd00::/64");

        assertThat(cidr.last().toString()).isEqualTo("fd00::ffff:ffff:ffff:ffff");
        assertThat(cidr.size()).isEqualTo(BigInteger.ONE.shiftLeft(64));
    }

    @Test
    void refusesHostBitsAndSaysWhatWasMeant() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.5/24"))
                .hasMessage("'10.0.0.5/24' isn't a recognized IP subnet cidr, '10.0.0.0/24' is recommended");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "fd00::/129", "foo/24", "10.0.0.0/2a"})
    void refusesMalformedCidrs(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlaps() {
        assertThat(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("10.0.0.128/25")))
                .isTrue();
        assertThat(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("10.0.200.0/24")))
                .isTrue();
        assertThat(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("10.0.1.0/24")))
                .isFalse();
        assertThat(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("fd00::/64"))).isFalse();
    }
}
