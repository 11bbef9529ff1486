package org.novasim.common.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the queues of the endpoints this process serves. A message is acknowledged only after its handler has
 * finished (and, for a call, after the reply was sent); a failing handler never sends its message back to the
 * queue, where it would fail forever: calls get the failure as their reply, casts log it.
 */
public final class RpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

    private final ConnectionFactory connectionFactory;
    private final AmqpAdmin admin;
    private final ConfigurableListableBeanFactory beanFactory;
    private final RpcCodec codec;
    private final TopicExchange exchange;
    private final RpcObservations observations;
    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private final RpcProperties properties;
    private volatile boolean running;

    public RpcServer(
            ConnectionFactory connectionFactory,
            AmqpAdmin admin,
            ConfigurableListableBeanFactory beanFactory,
            RpcCodec codec,
            TopicExchange exchange,
            RpcObservations observations,
            RpcProperties properties) {
        this.connectionFactory = connectionFactory;
        this.admin = admin;
        this.beanFactory = beanFactory;
        this.codec = codec;
        this.exchange = exchange;
        this.observations = observations;
        this.properties = properties;
    }

    /** Serves the endpoint from the queue; starts consuming now if the application is already running. */
    public synchronized void serve(RpcEndpoint endpoint, QueueSpec spec) {
        RpcEndpoint served = endpoint.cappedAt(properties.capOf(endpoint.topic()));
        declare(spec);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(spec.name());
        container.setConcurrentConsumers(spec.consumers());
        container.setPrefetchCount(spec.prefetch());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMissingQueuesFatal(false);
        container.setAmqpAdmin(admin);
        RpcDispatcher dispatcher = new RpcDispatcher(served, codec);
        container.setMessageListener(
                (ChannelAwareMessageListener) (message, channel) -> onMessage(dispatcher, message, channel));
        container.afterPropertiesSet();
        containers.add(container);
        if (running) {
            container.start();
        }
    }

    private void declare(QueueSpec spec) {
        Queue queue = new Queue(spec.name(), spec.durable(), false, spec.autoDelete());
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(exchange);
        declarables.add(queue);
        for (String key : spec.routingKeys()) {
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(key);
            declarables.add(binding);
        }
        RpcTopology.declare(admin, beanFactory, "rpcQueue." + spec.name(), declarables);
    }

    private void onMessage(RpcDispatcher dispatcher, Message message, Channel channel) throws IOException {
        RpcEnvelope envelope;
        try {
            envelope = codec.decode(message.getBody(), RpcEnvelope.class);
        } catch (RuntimeException e) {
            log.error(
                    "dropping unreadable message {}: {}",
                    message.getMessageProperties().getMessageId(),
                    e.toString());
            return;
        }
        MessageProperties in = message.getMessageProperties();
        RpcReply reply = observed(dispatcher, envelope, in);
        if (in.getReplyTo() != null) {
            // On the channel the call came in on, before its ack, as Spring's own reply-sending listeners do: no
            // channel to borrow from the cache, and no publisher confirm to wait for before the channel can go back
            // (a call's reply needs neither: a lost reply is the caller's timeout). Transient: reply queues are.
            AMQP.BasicProperties out = new AMQP.BasicProperties.Builder()
                    .contentType(MessageProperties.CONTENT_TYPE_JSON)
                    .correlationId(in.getCorrelationId())
                    .deliveryMode(1)
                    .build();
            channel.basicPublish("", in.getReplyTo(), false, out, codec.encode(reply));
        } else if (reply.failure() != null) {
            log.warn(
                    "cast {} failed: {}: {}",
                    envelope.method(),
                    reply.failure().type(),
                    reply.failure().message());
        }
    }

    private RpcReply observed(RpcDispatcher dispatcher, RpcEnvelope envelope, MessageProperties in) {
        String topic = dispatcher.topic();
        String method = dispatcher.serves(envelope.method()) ? envelope.method() : RpcObservations.UNKNOWN_METHOD;
        String routingKey = in.getReceivedRoutingKey();
        if (routingKey != null && routingKey.endsWith("_fanout")) {
            long started = System.nanoTime();
            try {
                return dispatcher.dispatch(envelope);
            } finally {
                observations.fanoutReceived(topic, method, System.nanoTime() - started);
            }
        }
        RpcObservations.Kind kind = in.getReplyTo() != null ? RpcObservations.Kind.CALL : RpcObservations.Kind.CAST;
        return observations.receive(topic, method, kind, in, () -> dispatcher.dispatch(envelope));
    }

    @Override
    public synchronized void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        containers.forEach(SimpleMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
