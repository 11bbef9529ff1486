package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.novasim.common.RpcConfiguration;
import org.novasim.common.scheduler.NoValidHostException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Every promise of the RPC layer (call, cast, fanout, and how each one fails) against a real broker. Each broker
 * novasim runs on has a subclass that says how to reach it: RabbitMQ (RpcOverBrokerIT), and the embedded Qpid
 * Broker-J (RpcOnEmbeddedBrokerIT in embedded-broker, through this module's test jar).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RpcPromisesContract {

    record Echo(String text, long sleepMillis, boolean fail) {}

    record Echoed(String text, String requestId, String projectId) {}

    static final String TOPIC = "rpctest";
    static final RpcMethod<Echo, Echoed> ECHO = RpcMethod.call(TOPIC, "echo", "1.0", Echo.class, Echoed.class);
    static final RpcMethod<Echo, Echoed> ECHO_FROM_THE_FUTURE =
            RpcMethod.call(TOPIC, "echo", "1.5", Echo.class, Echoed.class);
    static final RpcMethod<Echo, Void> NOTE = RpcMethod.cast(TOPIC, "note", "1.0", Echo.class);

    private ConfigurableApplicationContext app;
    private RpcClient client;
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<String> lateEchoes = new CopyOnWriteArrayList<>();
    /** An echo of this text waits until the test releases it: a call whose reply comes later than its timeout. */
    static final String HELD = "held";

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> fanoutA = new CopyOnWriteArrayList<>();
    private final List<String> fanoutB = new CopyOnWriteArrayList<>();

    final RpcContext context = new RpcContext("req-it-1", "project-1", "user-1", List.of("member"));

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(RpcConfiguration.class)
    static class TestApp {}

    /** The Spring properties that connect to the broker under test (started by then). */
    protected abstract Map<String, Object> brokerProperties() throws Exception;

    @BeforeAll
    void start() throws Exception {
        app = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties(brokerProperties())
                .properties("novasim.rpc.call-timeout=5s")
                .run();
        client = app.getBean(RpcClient.class);
        RpcServer server = app.getBean(RpcServer.class);
        RpcEndpoint echo = RpcEndpoint.builder(TOPIC, new RpcVersion(1, 0))
                .on(ECHO, (ctx, args) -> {
                    if (HELD.equals(args.text())) {
                        awaitRelease();
                        lateEchoes.add(args.text());
                    }
                    sleep(args.sleepMillis());
                    if (args.sleepMillis() > 0) {
                        lateEchoes.add(args.text());
                    }
                    if (args.fail()) {
                        throw new NoValidHostException();
                    }
                    return new Echoed(args.text(), ctx.requestId(), ctx.projectId());
                })
                .on(NOTE, (ctx, args) -> {
                    notes.add(args.text());
                    return null;
                })
                .build();
        server.serve(echo, QueueSpec.servers("rpctest.process-1", TOPIC, List.of("host-a", "host-b"), 4, 10));
        server.serve(echo, QueueSpec.shared(TOPIC, 4, 10));
        server.serve(fanoutEndpoint(fanoutA), QueueSpec.fanout(TOPIC, 1, 10));
        server.serve(fanoutEndpoint(fanoutB), QueueSpec.fanout(TOPIC, 1, 10));
    }

    private RpcEndpoint fanoutEndpoint(List<String> sink) {
        return RpcEndpoint.builder(TOPIC, new RpcVersion(1, 0))
                .on(NOTE, (ctx, args) -> {
                    sink.add(args.text());
                    return null;
                })
                .build();
    }

    /** Stops the broker under test if the subclass started it; runs after the services let go of it. */
    protected void stopBroker() throws Exception {}

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        stopBroker();
    }

    @Test
    void callReturnsTheResultWithTheCallersContext() {
        Echoed echoed = client.call(context, ECHO, new Echo("hello", 0, false));

        assertThat(echoed).isEqualTo(new Echoed("hello", "req-it-1", "project-1"));
    }

    @Test
    void callReachesANamedServer() {
        Echoed echoed = client.call(context, ECHO, "host-b", new Echo("to b", 0, false), Duration.ofSeconds(5));

        assertThat(echoed.text()).isEqualTo("to b");
    }

    @Test
    void remoteFailureArrivesAsItsTypeNotAsATimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.call(context, ECHO, new Echo("x", 0, true)))
                .isInstanceOf(NoValidHostException.class)
                .hasMessage(NoValidHostException.MESSAGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void callWithoutReplyInTimeFailsWithTimeout() {
        assertThatThrownBy(() -> client.call(context, ECHO, null, new Echo(HELD, 0, false), Duration.ofMillis(300)))
                .isInstanceOf(RpcTimeoutException.class)
                .hasMessageContaining("Timed out waiting for a reply to echo");
        // The caller gave up while the server still held the call: it did not wait for the reply.
        assertThat(lateEchoes).doesNotContain(HELD);
        assertThat(client.pendingCalls()).isZero();
        // The server still answers the stale call (a broker-side TTL drops only calls still queued); the late
        // reply is dropped quietly and the next call gets its own.
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> lateEchoes.contains(HELD));
        assertThat(client.call(context, ECHO, new Echo("after", 0, false)).text())
                .isEqualTo("after");
    }

    @Test
    void callToAServerNobodyServesFailsAtOnce() {
        // Undeliverable, not a timeout: the caller learns from the broker instead of waiting out its 60 s.
        assertThatThrownBy(
                        () -> client.call(context, ECHO, "host-z", new Echo("lost", 0, false), Duration.ofSeconds(60)))
                .isInstanceOf(UndeliverableException.class)
                .hasMessageContaining("rpctest.host-z");
    }

    @Test
    void serverRefusesANewerVersionClearly() {
        assertThatThrownBy(() -> client.call(context, ECHO_FROM_THE_FUTURE, new Echo("x", 0, false)))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("does not support RPC version 1.5");
    }

    @Test
    void castIsDeliveredToTheNamedServer() {
        client.cast(context, NOTE, "host-a", new Echo("cast-1", 0, false));

        await().atMost(Duration.ofSeconds(5)).until(() -> notes.contains("cast-1"));
    }

    @Test
    void castToAServerNobodyServesIsReported() {
        assertThatThrownBy(() -> client.cast(context, NOTE, "host-z", new Echo("lost", 0, false)))
                .isInstanceOf(UndeliverableException.class)
                .hasMessageContaining("rpctest.host-z");
    }

    @Test
    void fanoutReachesEverySubscriber() {
        client.fanout(context, NOTE, new Echo("everyone", 0, false));

        await().atMost(Duration.ofSeconds(5)).until(() -> fanoutA.contains("everyone") && fanoutB.contains("everyone"));
        assertThat(notes).doesNotContain("everyone");
    }

    @Test
    void concurrentCallsGetTheirOwnReplies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Echoed>> futures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = "n" + i;
                futures.add(pool.submit(() -> client.call(context, ECHO, new Echo(text, 0, false))));
            }
            Set<String> answers = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < futures.size(); i++) {
                Echoed echoed = futures.get(i).get(30, TimeUnit.SECONDS);
                assertThat(echoed.text()).isEqualTo("n" + i);
                answers.add(echoed.text());
            }
            assertThat(answers).hasSize(400);
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
