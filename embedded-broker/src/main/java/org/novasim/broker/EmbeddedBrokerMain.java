package org.novasim.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar embedded-broker-<version>-exec.jar [--port=5672] [--bind=127.0.0.1] [--vhost=/]}: runs the
 * embedded broker until the process is told to stop. The user and password come from {@code RABBITMQ_USER} and
 * {@code RABBITMQ_PASSWORD} (default guest/guest), so they never show in a process listing.
 */
public final class EmbeddedBrokerMain {

    private EmbeddedBrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                env.put("RABBITMQ_PORT", arg.substring("--port=".length()));
            } else if (arg.startsWith("--bind=")) {
                env.put("NOVASIM_BROKER_BIND", arg.substring("--bind=".length()));
            } else if (arg.startsWith("--vhost=")) {
                env.put("RABBITMQ_VHOST", arg.substring("--vhost=".length()));
            } else {
                System.err.println("usage: embedded-broker [--port=5672] [--bind=127.0.0.1] [--vhost=/]"
                        + " (user and password from RABBITMQ_USER / RABBITMQ_PASSWORD)");
                System.exit(2);
            }
        }
        BrokerSettings settings = BrokerSettings.fromEnvironment(env);
        long started = System.nanoTime();
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(settings);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        System.out.printf(
                "novasim embedded broker (Apache Qpid Broker-J %s, AMQP 0-9-1, in memory) ready on %s"
                        + " virtual host %s in %d ms%n",
                EmbeddedBroker.QPID_VERSION,
                broker.amqpUrl(),
                settings.virtualHost(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }
}
