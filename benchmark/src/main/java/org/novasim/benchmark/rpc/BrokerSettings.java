package org.novasim.benchmark.rpc;

import java.util.Map;

/** The AMQP broker the cloud under test uses; read from the same RABBITMQ_* variables the launcher reads. */
public record BrokerSettings(String host, int port, String user, String password, String vhost) {

    public static BrokerSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new BrokerSettings(
                env.getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("RABBITMQ_PORT", "5672")),
                env.getOrDefault("RABBITMQ_USER", "guest"),
                env.getOrDefault("RABBITMQ_PASSWORD", "guest"),
                env.getOrDefault("RABBITMQ_VHOST", "/"));
    }

    public String[] springArguments() {
        return new String[] {
            "--spring.rabbitmq.host=" + host,
            "--spring.rabbitmq.port=" + port,
            "--spring.rabbitmq.username=" + user,
            "--spring.rabbitmq.password=" + password,
            "--spring.rabbitmq.virtual-host=" + vhost
        };
    }

    @Override
    public String toString() {
        return host + ":" + port + " vhost " + vhost;
    }
}
