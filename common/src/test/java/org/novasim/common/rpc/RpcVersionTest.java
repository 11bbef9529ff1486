package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RpcVersionTest {

    @Test
    void parsesMajorAndMinor() {
        assertThat(RpcVersion.parse("1.12")).isEqualTo(new RpcVersion(1, 12));
        assertThat(RpcVersion.parse("2")).isEqualTo(new RpcVersion(2, 0));
        assertThat(new RpcVersion(1, 12)).hasToString("1.12");
    }

    @Test
    void refusesMalformedVersions() {
        assertThatThrownBy(() -> RpcVersion.parse("one.two")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RpcVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RpcVersion.parse("1.-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverServesItsMajorUpToItsMinor() {
        RpcVersion server = new RpcVersion(1, 3);
        assertThat(server.canServe(new RpcVersion(1, 0))).isTrue();
        assertThat(server.canServe(new RpcVersion(1, 3))).isTrue();
        assertThat(server.canServe(new RpcVersion(1, 4))).isFalse();
        assertThat(server.canServe(new RpcVersion(2, 0))).isFalse();
        assertThat(server.canServe(new RpcVersion(0, 9))).isFalse();
    }

    @Test
    void ordersNumericallyNotAlphabetically() {
        assertThat(new RpcVersion(1, 10)).isGreaterThan(new RpcVersion(1, 9));
        assertThat(new RpcVersion(2, 0)).isGreaterThan(new RpcVersion(1, 99));
    }
}
