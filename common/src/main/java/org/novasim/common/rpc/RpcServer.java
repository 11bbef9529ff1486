package org.novasim.common.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
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
 * finished (and, for a call, after the reply was sent). A failing handler never sends its message back to the
 * queue, where it would fail forever: calls get the failure as their reply; a cast that failed for good, and a
 * message nobody can read, go to the dead-letter queue with why ({@link DeadLetters}). Two failures are not for
 * good: a cast whose handler could not reach the broker in time goes back to its queue, to run again when the
 * broker is back, and one that someone else overtook (the instance was deleted meanwhile) is moot, not failed.
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
    private final DeadLetters deadLetters;
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
        this.deadLetters = new DeadLetters(properties.deadLetterQueue());
    }

    /** Serves the endpoint from the queue; starts consuming now if the application is already running. */
    public synchronized void serve(RpcEndpoint endpoint, QueueSpec spec) {
        RpcEndpoint served = endpoint.cappedAt(properties.capOf(endpoint.topic()));
        if (containers.isEmpty()) {
            RpcTopology.declare(
                    admin, beanFactory, "rpcQueue." + deadLetters.queue(), List.of(deadLetters.declaration()));
        }
        declare(spec);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(spec.name());
        container.setConcurrentConsumers(spec.consumers());
        container.setPrefetchCount(spec.prefetch());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMissingQueuesFatal(false);
        container.setAmqpAdmin(admin);
        container.setRecoveryBackOff(properties.recoveryBackOff());
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
                    "unreadable message {} goes to {}: {}",
                    message.getMessageProperties().getMessageId(),
                    deadLetters.queue(),
                    e.toString());
            deadLetters.send(channel, message, dispatcher.topic(), new RemoteError("UnreadableMessage", e.toString()));
            observations.deadLettered(dispatcher.topic(), RpcObservations.UNKNOWN_METHOD);
            return;
        }
        MessageProperties in = message.getMessageProperties();
        RpcDispatcher.Outcome outcome = observed(dispatcher, envelope, in);
        RpcReply reply = outcome.reply();
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
        } else if (outcome.failure() != null) {
            castFailed(dispatcher, envelope, message, channel, outcome.failure());
        }
    }

    private void castFailed(
            RpcDispatcher dispatcher, RpcEnvelope envelope, Message message, Channel channel, RemoteError failure)
            throws IOException {
        if (failure instanceof BrokerUnavailableException) {
            log.warn("cast {} could not finish, the broker is away: it goes back to its queue", envelope.method());
            throw new ImmediateRequeueAmqpException(failure.getMessage(), failure);
        }
        if (failure.overtaken()) {
            log.info("cast {} is moot: {}", envelope.method(), failure.getMessage());
            return;
        }
        if (isFanout(message.getMessageProperties())) {
            log.warn("fanout {} failed: {}", envelope.method(), failure.toString());
            return;
        }
        log.warn("cast {} failed, it goes to {}: {}", envelope.method(), deadLetters.queue(), failure.toString());
        deadLetters.send(channel, message, dispatcher.topic(), failure);
        observations.deadLettered(
                dispatcher.topic(),
                dispatcher.serves(envelope.method()) ? envelope.method() : RpcObservations.UNKNOWN_METHOD);
    }

    private RpcDispatcher.Outcome observed(RpcDispatcher dispatcher, RpcEnvelope envelope, MessageProperties in) {
        String topic = dispatcher.topic();
        String method = dispatcher.serves(envelope.method()) ? envelope.method() : RpcObservations.UNKNOWN_METHOD;
        if (isFanout(in)) {
            long started = System.nanoTime();
            try {
                return dispatcher.handle(envelope);
            } finally {
                observations.fanoutReceived(topic, method, System.nanoTime() - started);
            }
        }
        RpcObservations.Kind kind = in.getReplyTo() != null ? RpcObservations.Kind.CALL : RpcObservations.Kind.CAST;
        RpcDispatcher.Outcome[] outcome = new RpcDispatcher.Outcome[1];
        observations.receive(topic, method, kind, in, () -> {
            outcome[0] = dispatcher.handle(envelope);
            return outcome[0].reply();
        });
        return outcome[0];
    }

    private static boolean isFanout(MessageProperties in) {
        String routingKey = in.getReceivedRoutingKey();
        return routingKey != null && routingKey.endsWith("_fanout");
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
