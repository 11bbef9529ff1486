package org.novasim.network.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "fd00::1, fd00::1",
        "FD00:0:0:0:0:0:0:1, fd00::1",
        "fd00:0000:0000:0000:0000:0000:0000:0002, fd00::2",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "::ffff:10.0.0.1, ::ffff:a00:1",
    })
    void parsesAndPrintsTheCanonicalForm(String text, String canonical) {
        assertThat(IpAddress.parse(text).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "10.0.0",
                "10.0.0.256",
                "010.0.0.1",
                "10.0.0.1.",
                "1.2.3.-4",
                "fd00:::1",
                "fd00::1::2",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "fd00::g",
                "12345::",
                "fe80::1%eth0",
                "1.2.3.4::",
                "",
                " "
            })
    void refusesWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4:5:6:7:8", "::", "::ffff:1.2.3.4"})
    void fullAddressesParse(String text) {
        assertThat(IpAddress.parse(text).version()).isEqualTo(6);
    }

    @Test
    void walksAcrossGroupBoundaries() {
        assertThat(IpAddress.parse("10.0.0.255").plus(1).toString()).isEqualTo("10.0.1.0");
        assertThat(IpAddress.parse("fd00::ffff").plus(1).toString()).isEqualTo("fd00::1:0");
        assertThat(IpAddress.parse("10.0.0.1").value()).isEqualTo(BigInteger.valueOf(0x0a000001L));
    }

    @Test
    void staysInsideTheAddressSpace() {
        assertThatThrownBy(() -> IpAddress.parse("255.255.255.255").plus(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
