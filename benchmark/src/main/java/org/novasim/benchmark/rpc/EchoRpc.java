package org.novasim.benchmark.rpc;

import java.util.ArrayList;
import java.util.List;
import org.novasim.common.RpcConfiguration;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcServer;
import org.novasim.common.rpc.RpcVersion;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * novasim's own RPC layer (common's RpcClient and RpcServer, with publisher confirms, persistent messages and a
 * durable queue, as the services use it) serving a trivial echo on the broker under test: the floor under every
 * call and cast of a launch. It talks on an exchange of its own, so it never meets the cloud's messages.
 */
public final class EchoRpc implements AutoCloseable {

    public record Ping(String text, List<String> padding) {}

    public record Pong(String text) {}

    static final String TOPIC = "bench_echo";
    static final RpcMethod<Ping, Pong> ECHO = RpcMethod.call(TOPIC, "echo", "1.0", Ping.class, Pong.class);

    /** Rabbit only: whatever else is on the class path (a JDBC driver in the tests) stays out of the baseline. */
    @SpringBootConfiguration
    @ImportAutoConfiguration(RabbitAutoConfiguration.class)
    @Import(RpcConfiguration.class)
    static class EchoApp {}

    private final ConfigurableApplicationContext app;
    private final RpcClient client;
    private final RpcContext context = new RpcContext("req-bench", "bench", "bench", List.of("admin"));
    private final Ping ping;

    /** Starts the echo server (as many consumers as the conductor queue has) and a client. */
    public EchoRpc(BrokerSettings broker, int consumers, int payloadBytes) {
        List<String> arguments = new ArrayList<>(List.of(broker.springArguments()));
        arguments.add("--novasim.rpc.exchange=novasim-bench");
        arguments.add("--novasim.rpc.call-timeout=10s");
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--logging.level.root=WARN");
        app = new SpringApplicationBuilder(EchoApp.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
        client = app.getBean(RpcClient.class);
        RpcEndpoint endpoint = RpcEndpoint.builder(TOPIC, new RpcVersion(1, 0))
                .on(ECHO, (ctx, args) -> new Pong(args.text()))
                .build();
        // Durable like the services' queues (so persistent messages cost what they cost there), but gone with us.
        app.getBean(RpcServer.class).serve(endpoint, new QueueSpec(TOPIC, true, true, List.of(TOPIC), consumers, 10));
        ping = new Ping("ping", payloadBytes <= 0 ? List.of() : List.of("x".repeat(payloadBytes)));
    }

    /** One call, round trip. */
    public Pong call() {
        return client.call(context, ECHO, ping);
    }

    @Override
    public void close() {
        app.close();
    }
}
