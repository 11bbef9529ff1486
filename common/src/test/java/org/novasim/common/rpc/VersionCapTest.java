package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a process capped at an older contract version sends and serves (novasim.rpc.version-caps). */
class VersionCapTest {

    record Inner(String name, @Since("1.2") String added) {}

    record Message(String host, @Since("1.1") int workload, List<Inner> inners) {}

    record Ping(String text) {}

    private static final RpcMethod<Ping, Ping> OLD = RpcMethod.call("test", "old", "1.0", Ping.class, Ping.class);
    private static final RpcMethod<Ping, Ping> NEW = RpcMethod.call("test", "new", "1.2", Ping.class, Ping.class);

    private final RpcCodec codec = new RpcCodec();
    private final Message message = new Message("h1", 3, List.of(new Inner("a", "b")));

    @Test
    void aCappedClientLeavesOutTheFieldsAddedAfterItsCap() {
        assertThat(codec.toTree(message, new RpcVersion(1, 0)).toString())
                .isEqualTo("{\"host\":\"h1\",\"inners\":[{\"name\":\"a\"}]}");
        assertThat(codec.toTree(message, new RpcVersion(1, 1)).toString())
                .isEqualTo("{\"host\":\"h1\",\"workload\":3,\"inners\":[{\"name\":\"a\"}]}");
        assertThat(codec.toTree(message, new RpcVersion(1, 2))).isEqualTo(codec.toTree(message));
        assertThat(codec.toTree(message, null)).isEqualTo(codec.toTree(message));
    }

    @Test
    void aCappedServerServesItsVersionWithoutTheNewerMethods() {
        RpcEndpoint endpoint = RpcEndpoint.builder("test", new RpcVersion(1, 2))
                .on(OLD, (context, ping) -> ping)
                .on(NEW, (context, ping) -> ping)
                .build();
        RpcDispatcher capped = new RpcDispatcher(endpoint.cappedAt(new RpcVersion(1, 1)), codec);
        RpcContext context = new RpcContext("req-1", "p1", "u1", List.of("member"));

        RpcReply old = capped.dispatch(new RpcEnvelope("old", "1.0", context, codec.toTree(new Ping("x"))));
        RpcReply refused = capped.dispatch(new RpcEnvelope("new", "1.2", context, codec.toTree(new Ping("x"))));

        assertThat(old.failure()).isNull();
        assertThat(refused.failure().type()).isEqualTo("UnsupportedVersionException");
        assertThat(endpoint.cappedAt(new RpcVersion(1, 3))).isSameAs(endpoint);
        assertThat(endpoint.cappedAt(null)).isSameAs(endpoint);
    }
}
