package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.novasim.broker.BrokerSettings;
import org.novasim.broker.EmbeddedBroker;
import org.novasim.common.RpcConfiguration;
import org.novasim.testsupport.TestBroker;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A call carries its timeout as a broker-side time-to-live only on RabbitMQ, which reads {@code expiration} that
 * way; Qpid Broker-J reads it as an absolute time and would drop every call at once.
 */
class CallTimeToLiveIT {

    record Ping(String text) {}

    static final RpcMethod<Ping, Ping> PING = RpcMethod.call("ttltest", "ping", "1.0", Ping.class, Ping.class);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(RpcConfiguration.class)
    static class TestApp {}

    @Test
    void onRabbitMqACallCarriesItsTimeoutAsTimeToLive() {
        try (ConfigurableApplicationContext app = app(TestBroker.isolated().springProperties())) {
            assertThat(product(app)).contains("RabbitMQ");
            // What is left of the 3 s timeout when it is sent (a call sent again after a broker outage carries
            // less), so a millisecond or two may already be gone.
            assertThat(Long.parseLong(publishedCall(app).getMessageProperties().getExpiration()))
                    .isBetween(2000L, 3000L);
        }
    }

    @Test
    void onTheEmbeddedBrokerACallGoesWithoutTimeToLive() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerSettings.loopback(port));
                ConfigurableApplicationContext app = app(Map.of(
                        "spring.rabbitmq.host",
                        "127.0.0.1",
                        "spring.rabbitmq.port",
                        port,
                        "spring.rabbitmq.username",
                        "guest",
                        "spring.rabbitmq.password",
                        "guest",
                        "spring.rabbitmq.virtual-host",
                        "/"))) {
            assertThat(product(app)).doesNotContain("RabbitMQ").containsIgnoringCase("qpid");
            assertThat(publishedCall(app).getMessageProperties().getExpiration())
                    .isNull();
        }
    }

    private static ConfigurableApplicationContext app(Map<String, Object> broker) {
        return new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties(broker)
                .run();
    }

    private static String product(ConfigurableApplicationContext app) {
        return String.valueOf(app.getBean(ConnectionFactory.class)
                .createConnection()
                .getDelegate()
                .getServerProperties()
                .get("product"));
    }

    /** Makes a call nobody answers and takes its message off a plain queue bound where a server would be. */
    private static Message publishedCall(ConfigurableApplicationContext app) {
        AmqpAdmin admin = app.getBean(AmqpAdmin.class);
        TopicExchange exchange = app.getBean(TopicExchange.class);
        Queue queue = new Queue("ttltest-" + System.nanoTime(), false, false, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(PING.topic()));
        RpcClient client = app.getBean(RpcClient.class);
        RpcContext context = new RpcContext("req-ttl", "p", "u", List.of());
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(
                () -> client.call(context, PING, null, new Ping("x"), Duration.ofSeconds(3)));
        Message message = app.getBean(RabbitTemplate.class).receive(queue.getName(), 2_000);
        assertThat(message).as("the call's message").isNotNull();
        assertThatThrownBy(call::join).hasCauseInstanceOf(RpcTimeoutException.class);
        return message;
    }
}
