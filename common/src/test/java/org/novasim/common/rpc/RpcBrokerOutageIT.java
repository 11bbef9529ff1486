package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.novasim.common.RpcConfiguration;
import org.novasim.testsupport.TestBroker;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Calls and casts ride out a broker that is away (connections closed, new ones refused): they are sent again with
 * backoff and go through once it is back. A cast that fails for good is kept in the dead-letter queue with why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcBrokerOutageIT {

    record Note(String text, boolean fail) {}

    static final String TOPIC = "outagetest";
    static final RpcMethod<Note, Note> ECHO = RpcMethod.call(TOPIC, "echo", "1.0", Note.class, Note.class);
    static final RpcMethod<Note, Void> NOTE = RpcMethod.cast(TOPIC, "note", "1.0", Note.class);

    private final RpcContext context = new RpcContext("req-outage", "project-1", "user-1", List.of("member"));
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private TestBroker.BrokerEndpoint broker;
    private ConfigurableApplicationContext app;
    private RpcClient client;
    private MeterRegistry meters;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(RpcConfiguration.class)
    static class TestApp {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeAll
    void start() {
        broker = TestBroker.isolated();
        app = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties(broker.springProperties())
                .properties("novasim.rpc.call-timeout=60s", "novasim.rpc.cast-timeout=60s")
                .run();
        client = app.getBean(RpcClient.class);
        meters = app.getBean(MeterRegistry.class);
        app.getBean(RpcServer.class)
                .serve(
                        RpcEndpoint.builder(TOPIC, new RpcVersion(1, 0))
                                .on(ECHO, (ctx, note) -> note)
                                .on(NOTE, (ctx, note) -> {
                                    if (note.fail()) {
                                        throw new IllegalStateException("cannot take " + note.text());
                                    }
                                    notes.add(note.text());
                                    return null;
                                })
                                .build(),
                        QueueSpec.shared(TOPIC, 2, 10));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void callsAndCastsSentWhileTheBrokerIsAwayGoThroughWhenItIsBack() throws Exception {
        assertThat(client.call(context, ECHO, new Note("before", false)).text()).isEqualTo("before");
        CompletableFuture<Note> call;
        CompletableFuture<Void> cast;
        try (TestBroker.Outage outage = TestBroker.outage(broker)) {
            call = CompletableFuture.supplyAsync(() -> client.call(context, ECHO, new Note("during", false)));
            cast = CompletableFuture.runAsync(() -> client.cast(context, NOTE, new Note("during", false)));
            // Both have found the broker away at least once before it comes back.
            await().atMost(Duration.ofSeconds(30)).until(() -> unavailable("echo") > 0 && unavailable("note") > 0);
            assertThat(call).isNotDone();
        }
        assertThat(call.get(60, TimeUnit.SECONDS).text()).isEqualTo("during");
        cast.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> notes.contains("during"));
    }

    @Test
    void aCastThatFailsForGoodIsKeptInTheDeadLetterQueueWithWhy() {
        client.cast(context, NOTE, new Note("poison", true));

        RabbitTemplate template = app.getBean(RabbitTemplate.class);
        Message dead =
                await().atMost(Duration.ofSeconds(30)).until(() -> template.receive("dead_letters"), m -> m != null);
        assertThat(new String(dead.getBody())).contains("poison");
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetters.FAILURE_TYPE))
                .isEqualTo("IllegalStateException");
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetters.FAILURE))
                .isEqualTo("cannot take poison");
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetters.QUEUE))
                .isEqualTo(TOPIC);
        assertThat(dead.getMessageProperties().getType()).isEqualTo("note");
    }

    private double unavailable(String method) {
        var counter = meters.find("novasim.rpc.broker.unavailable")
                .tag("method", method)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
