package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.novasim.common.scheduler.NoValidHostException;
import org.slf4j.MDC;
import tools.jackson.databind.node.JsonNodeFactory;

class RpcDispatcherTest {

    record Ping(String text, int times) {}

    record Pong(String text) {}

    static final RpcMethod<Ping, Pong> PING = RpcMethod.call("test", "ping", "1.0", Ping.class, Pong.class);
    static final RpcMethod<Ping, Pong> PING_V2 = RpcMethod.call("test", "ping_twice", "1.2", Ping.class, Pong.class);

    private final RpcCodec codec = new RpcCodec();
    private final AtomicReference<String> requestIdSeen = new AtomicReference<>();
    private final AtomicReference<RpcContext> contextSeen = new AtomicReference<>();

    private final RpcEndpoint endpoint = RpcEndpoint.builder("test", new RpcVersion(1, 2))
            .on(PING, (context, ping) -> {
                requestIdSeen.set(MDC.get("request_id"));
                contextSeen.set(context);
                return new Pong(ping.text().repeat(ping.times()));
            })
            .on(PING_V2, (context, ping) -> {
                throw new NoValidHostException();
            })
            .build();
    private final RpcDispatcher dispatcher = new RpcDispatcher(endpoint, codec);
    private final RpcContext context = new RpcContext("req-1", "p1", "u1", List.of("member"));

    @Test
    void invokesTheHandlerWithTypedArgumentsAndContext() {
        RpcReply reply = dispatcher.dispatch(envelope("ping", "1.0", new Ping("ab", 2)));

        assertThat(reply.failure()).isNull();
        assertThat(codec.fromTree(reply.result(), Pong.class)).isEqualTo(new Pong("abab"));
        assertThat(contextSeen.get()).isEqualTo(context);
        assertThat(requestIdSeen.get()).isEqualTo("req-1");
        assertThat(MDC.get("request_id"))
                .as("request id does not leak to the next message")
                .isNull();
    }

    @Test
    void refusesAMessageWithoutAValidContextInsteadOfRunningItAsTheSystem() {
        var args = codec.toTree(new Ping("x", 1));
        List<RpcContext> invalid = Arrays.asList(
                null,
                new RpcContext(null, "p1", "u1", List.of("member")),
                new RpcContext(" ", "p1", "u1", List.of("admin")),
                new RpcContext("req-2", null, null, List.of()),
                new RpcContext("req-3", "p1", null, List.of("member")),
                new RpcContext("req-4", null, "u1", List.of("member")));
        for (RpcContext context : invalid) {
            RpcReply reply = dispatcher.dispatch(new RpcEnvelope("ping", "1.0", context, args));

            assertThat(reply.failure()).as("context %s", context).isNotNull();
            assertThat(reply.failure().type()).isEqualTo("InvalidContextException");
        }
        assertThat(contextSeen.get()).as("the handler never ran").isNull();
    }

    @Test
    void servesTheSystemsOwnContext() {
        RpcReply reply = dispatcher.dispatch(
                new RpcEnvelope("ping", "1.0", RpcContext.system(), codec.toTree(new Ping("x", 1))));

        assertThat(reply.failure()).isNull();
        assertThat(contextSeen.get().isAdmin()).isTrue();
    }

    @Test
    void servesOlderMinorVersions() {
        assertThat(dispatcher
                        .dispatch(envelope("ping", "1.1", new Ping("x", 1)))
                        .failure())
                .isNull();
    }

    @Test
    void refusesNewerMinorVersion() {
        RpcReply reply = dispatcher.dispatch(envelope("ping", "1.3", new Ping("x", 1)));

        assertThat(reply.failure().type()).isEqualTo("UnsupportedVersionException");
        assertThat(reply.failure().message())
                .contains("does not support RPC version 1.3")
                .contains("ping");
    }

    @Test
    void refusesOtherMajorVersion() {
        assertThat(dispatcher
                        .dispatch(envelope("ping", "2.0", new Ping("x", 1)))
                        .failure()
                        .type())
                .isEqualTo("UnsupportedVersionException");
        assertThat(dispatcher
                        .dispatch(envelope("ping", "x.y", new Ping("x", 1)))
                        .failure()
                        .type())
                .isEqualTo("UnsupportedVersionException");
    }

    @Test
    void refusesUnknownMethod() {
        RpcReply reply = dispatcher.dispatch(envelope("reboot_world", "1.0", new Ping("x", 1)));

        assertThat(reply.failure().type()).isEqualTo("UnknownMethodException");
        assertThat(reply.failure().message()).contains("reboot_world");
    }

    @Test
    void passesTypedFailuresThroughByName() {
        RpcReply reply = dispatcher.dispatch(envelope("ping_twice", "1.2", new Ping("x", 1)));

        assertThat(reply.failure().type()).isEqualTo("NoValidHostException");
        assertThat(reply.failure().message()).isEqualTo(NoValidHostException.MESSAGE);
    }

    @Test
    void reportsUnexpectedFailuresWithTheirType() {
        RpcEndpoint broken = RpcEndpoint.builder("test", new RpcVersion(1, 0))
                .on(PING, (c, p) -> {
                    throw new IllegalStateException("disk on fire");
                })
                .build();

        RpcReply reply = new RpcDispatcher(broken, codec).dispatch(envelope("ping", "1.0", new Ping("x", 1)));

        assertThat(reply.failure().type()).isEqualTo("IllegalStateException");
        assertThat(reply.failure().message()).isEqualTo("disk on fire");
    }

    @Test
    void refusesArgumentsOfTheWrongShape() {
        var badArgs = JsonNodeFactory.instance.objectNode().put("times", "many");
        RpcReply reply = dispatcher.dispatch(new RpcEnvelope("ping", "1.0", context, badArgs));

        assertThat(reply.failure().type()).isEqualTo("InvalidArgumentsException");

        RpcReply missing = dispatcher.dispatch(new RpcEnvelope("ping", "1.0", context, null));
        assertThat(missing.failure().type()).isEqualTo("InvalidArgumentsException");
    }

    @Test
    void ignoresFieldsAddedByNewerMinorVersions() {
        var args = JsonNodeFactory.instance
                .objectNode()
                .put("text", "a")
                .put("times", 3)
                .put("added_in_1_9", true);

        RpcReply reply = dispatcher.dispatch(new RpcEnvelope("ping", "1.0", context, args));

        assertThat(codec.fromTree(reply.result(), Pong.class)).isEqualTo(new Pong("aaa"));
    }

    @Test
    void endpointRefusesMethodsOfAnotherTopicOrNewerVersion() {
        RpcMethod<Ping, Pong> elsewhere = RpcMethod.call("other", "ping", "1.0", Ping.class, Pong.class);
        assertThatThrownBy(
                        () -> RpcEndpoint.builder("test", new RpcVersion(1, 0)).on(elsewhere, (c, p) -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> RpcEndpoint.builder("test", new RpcVersion(1, 1)).on(PING_V2, (c, p) -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RpcEnvelope envelope(String method, String version, Object args) {
        return new RpcEnvelope(method, version, context, codec.toTree(args));
    }
}
