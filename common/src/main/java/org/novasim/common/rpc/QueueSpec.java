package org.novasim.common.rpc;

import java.util.List;
import java.util.UUID;

/**
 * Where a server consumes: a queue, how long it lives, and the routing keys bound to it on the exchange.
 *
 * @param consumers concurrent consumers on the queue
 * @param prefetch  unacknowledged messages each consumer may hold
 */
public record QueueSpec(
        String name, boolean durable, boolean autoDelete, List<String> routingKeys, int consumers, int prefetch) {

    public QueueSpec {
        routingKeys = List.copyOf(routingKeys);
        if (consumers < 1 || prefetch < 1) {
            throw new IllegalArgumentException("consumers and prefetch must be positive");
        }
    }

    /** A durable queue named after the topic that every server of the topic shares (round-robin). */
    public static QueueSpec shared(String topic, int consumers, int prefetch) {
        return new QueueSpec(topic, true, false, List.of(topic), consumers, prefetch);
    }

    /**
     * One durable queue for a process that serves many named servers of a topic (a compute process simulating many
     * hosts): one binding {@code topic.server} per server instead of one queue and consumer per server.
     */
    public static QueueSpec servers(String queue, String topic, List<String> servers, int consumers, int prefetch) {
        return new QueueSpec(
                queue, true, false, servers.stream().map(s -> topic + "." + s).toList(), consumers, prefetch);
    }

    /** A private queue of this process that receives a copy of every fanout on the topic; gone when the process is. */
    public static QueueSpec fanout(String topic, int consumers, int prefetch) {
        return new QueueSpec(
                topic + "_fanout_" + UUID.randomUUID().toString().replace("-", ""),
                false,
                true,
                List.of(topic + "_fanout"),
                consumers,
                prefetch);
    }
}
