package org.novasim.common.rpc;

import java.net.ServerSocket;
import java.util.Map;
import org.novasim.broker.BrokerSettings;
import org.novasim.broker.EmbeddedBroker;

/**
 * The RPC layer's promises on the embedded broker, Apache Qpid Broker-J: what {@code ./novasim run} falls back to
 * when no RabbitMQ answers.
 */
class RpcOnEmbeddedBrokerIT extends RpcPromisesContract {

    private EmbeddedBroker broker;

    @Override
    protected Map<String, Object> brokerProperties() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        broker = EmbeddedBroker.start(new BrokerSettings("127.0.0.1", port, "novasim", "s3cret", "/"));
        return Map.of(
                "spring.rabbitmq.host",
                "127.0.0.1",
                "spring.rabbitmq.port",
                port,
                "spring.rabbitmq.username",
                "novasim",
                "spring.rabbitmq.password",
                "s3cret",
                "spring.rabbitmq.virtual-host",
                "/");
    }

    @Override
    protected void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }
}
