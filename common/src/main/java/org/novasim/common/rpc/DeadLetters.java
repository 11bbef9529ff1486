package org.novasim.common.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;

/**
 * The dead-letter queue: where a cast that failed for good, or a message nobody could read, is kept for an operator
 * instead of being dropped. The message goes as it came (body, message id, request context, trace headers), plus
 * headers saying where it was consumed and why it failed. It is published on the channel the message came in on,
 * before that message is acknowledged: a channel that dies in between loses neither, since the original comes
 * back. Persistent, into a durable queue, so it survives a broker restart; nothing consumes it.
 */
final class DeadLetters {

    static final String FAILURE_TYPE = "x-novasim-failure-type";
    static final String FAILURE = "x-novasim-failure";
    static final String TOPIC = "x-novasim-topic";
    static final String ROUTING_KEY = "x-novasim-routing-key";
    static final String QUEUE = "x-novasim-queue";
    static final String FAILED_AT = "x-novasim-failed-at";

    private final String queue;

    DeadLetters(String queue) {
        this.queue = queue;
    }

    String queue() {
        return queue;
    }

    Queue declaration() {
        return new Queue(queue, true, false, false);
    }

    void send(Channel channel, Message message, String topic, RemoteError failure) throws IOException {
        MessageProperties in = message.getMessageProperties();
        Map<String, Object> headers = new HashMap<>(in.getHeaders());
        headers.put(FAILURE_TYPE, failure.type());
        headers.put(FAILURE, String.valueOf(failure.getMessage()));
        headers.put(TOPIC, topic);
        headers.put(ROUTING_KEY, String.valueOf(in.getReceivedRoutingKey()));
        headers.put(QUEUE, String.valueOf(in.getConsumerQueue()));
        headers.put(FAILED_AT, Instant.now().toString());
        AMQP.BasicProperties out = new AMQP.BasicProperties.Builder()
                .contentType(in.getContentType())
                .messageId(in.getMessageId())
                .type(in.getType())
                .deliveryMode(2)
                .headers(headers)
                .build();
        channel.basicPublish("", queue, false, out, message.getBody());
    }
}
