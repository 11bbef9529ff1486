package org.novasim.broker;

import java.util.Map;

/**
 * Where the embedded broker listens and whom it lets in: the same settings the services connect with
 * ({@code RABBITMQ_PORT}, {@code RABBITMQ_USER}, {@code RABBITMQ_PASSWORD}, {@code RABBITMQ_VHOST}), so that
 * the services need no other configuration when the broker is the embedded one.
 *
 * @param bind        the address the AMQP port binds to: loopback unless told otherwise
 * @param virtualHost the virtual host as a client names it ({@code /} is the default one)
 */
public record BrokerSettings(String bind, int port, String user, String password, String virtualHost) {

    public BrokerSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (user == null || user.isBlank() || password == null) {
            throw new IllegalArgumentException("a user and a password are needed");
        }
    }

    public static BrokerSettings loopback(int port) {
        return new BrokerSettings("127.0.0.1", port, "guest", "guest", "/");
    }

    /** The environment's RABBITMQ_* settings (defaults: 127.0.0.1:5672, guest/guest, vhost /). */
    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        return new BrokerSettings(
                value(env, "NOVASIM_BROKER_BIND", "127.0.0.1"),
                Integer.parseInt(value(env, "RABBITMQ_PORT", "5672")),
                value(env, "RABBITMQ_USER", "guest"),
                value(env, "RABBITMQ_PASSWORD", "guest"),
                value(env, "RABBITMQ_VHOST", "/"));
    }

    /**
     * The name of the broker's virtual host node. Qpid drops a leading '/' from the name a client asks for and
     * sends an empty name to its default virtual host, so "/" is served by the default node, "/x" and "x" by "x".
     */
    String virtualHostNode() {
        String name = virtualHost == null ? "" : virtualHost.startsWith("/") ? virtualHost.substring(1) : virtualHost;
        return name.isEmpty() ? "default" : name;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
