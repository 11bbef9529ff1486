package org.novasim.common.rpc;

import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The sending side of RPC: call (request/reply), cast (fire-and-forget) and fanout. Typed clients of each service
 * build on it; nobody else builds routing keys or message bodies.
 *
 * <p>Replies come back on one queue of this process, {@code reply_<uuid>} as in oslo.messaging, matched by
 * correlation id. That works on any AMQP 0-9-1 broker (RabbitMQ's direct reply-to does not). Calls and casts are
 * published mandatory with publisher confirms: a message the broker cannot route (no server on that topic) or
 * refuses fails the caller at once with {@link UndeliverableException} rather than a timeout. Casts are persistent,
 * since nobody waits for them and they must survive a broker restart; calls are transient (see {@link #call}).
 *
 * <p>A broker that is away (connection refused or lost, channel closed, no confirm) is waited out: the message is
 * sent again with backoff ({@code novasim.rpc.retry-*}) until the operation's deadline, the call timeout for a call,
 * {@code novasim.rpc.cast-timeout} or the caller's own bound for a cast; only then does the caller get {@link
 * BrokerUnavailableException}. When the connection goes, every call still waiting for its reply is sent again at
 * once, since neither its transient request nor its reply queue outlived the connection.
 *
 * <p>A call also carries its timeout as the message's {@code expiration}, so that RabbitMQ drops a call nobody took
 * in time. AMQP 0-9-1 leaves the meaning of {@code expiration} to the broker: RabbitMQ reads a time-to-live in
 * milliseconds, Qpid Broker-J (the embedded broker) an absolute time, which would expire every call at once. So the
 * TTL is set only when the connected broker says it is RabbitMQ; elsewhere a stale call still runs and its late
 * reply is dropped here.
 */
public final class RpcClient implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RpcClient.class);

    private final RabbitTemplate template;
    private final RpcCodec codec;
    private final RemoteErrors errors;
    private final RpcProperties properties;
    private final RpcObservations observations;
    private final String replyQueue = "reply_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, CompletableFuture<RpcReply>> pending = new ConcurrentHashMap<>();
    private final SimpleMessageListenerContainer replyContainer;
    private final BrokerRetry retry;
    /** Whether the broker reads a message's expiration as a time-to-live (RabbitMQ does); learnt per connection. */
    private volatile boolean expirationIsTtl;

    public RpcClient(
            ConnectionFactory connectionFactory,
            RabbitTemplate template,
            AmqpAdmin admin,
            ConfigurableListableBeanFactory beanFactory,
            RpcCodec codec,
            RemoteErrors errors,
            RpcProperties properties,
            RpcObservations observations) {
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalStateException("RPC needs publisher confirms and returns: set "
                    + "spring.rabbitmq.publisher-confirm-type=correlated and spring.rabbitmq.publisher-returns=true");
        }
        this.template = template;
        this.template.setMandatory(true);
        // Returned messages are reported through their CorrelationData (see undelivered()); replies to callers
        // that are gone are returned too, and need no more than a debug line.
        this.template.setReturnsCallback(returned ->
                log.debug("returned by the broker: {} to {}", returned.getReplyText(), returned.getRoutingKey()));
        this.codec = codec;
        this.errors = errors;
        this.properties = properties;
        this.observations = observations;
        this.retry = new BrokerRetry(properties.retryInitialDelay(), properties.retryMaxDelay(), observations);
        connectionFactory.addConnectionListener(new ConnectionListener() {
            @Override
            public void onCreate(Connection connection) {
                learnBroker(connection);
            }

            @Override
            public void onShutDown(ShutdownSignalException signal) {
                onConnectionLost(signal);
            }
        });
        Queue queue = new Queue(replyQueue, false, false, true);
        RpcTopology.declare(admin, beanFactory, "rpcQueue." + replyQueue, List.of(queue));
        replyContainer = new SimpleMessageListenerContainer(connectionFactory);
        replyContainer.setQueueNames(replyQueue);
        replyContainer.setAcknowledgeMode(AcknowledgeMode.NONE);
        replyContainer.setMissingQueuesFatal(false);
        replyContainer.setAmqpAdmin(admin);
        replyContainer.setMessageListener(this::onReply);
        replyContainer.setRecoveryBackOff(properties.recoveryBackOff());
        replyContainer.afterPropertiesSet();
    }

    /** Calls a method on any server of its topic and waits for the result. */
    public <A, R> R call(RpcContext context, RpcMethod<A, R> method, A args) {
        return call(context, method, null, args, properties.callTimeout());
    }

    /** Calls a method on one named server of its topic (e.g. one compute host), with the usual timeout. */
    public <A, R> R call(RpcContext context, RpcMethod<A, R> method, String server, A args) {
        return call(context, method, server, args, properties.callTimeout());
    }

    /**
     * Calls a method on one named server of its topic (e.g. one compute host) and waits for the result, {@code
     * timeout} at most in all: a call the broker could not take, or whose connection went before the reply came,
     * is sent again within that time (the handlers of calls take a repeated message in their stride).
     */
    public <A, R> R call(RpcContext context, RpcMethod<A, R> method, String server, A args, Duration timeout) {
        // Transient: a call lives no longer than its caller waits (its TTL is the call timeout, its reply queue
        // goes with the caller), so writing it to disk buys nothing, and costs the broker half its call rate. A
        // call lost with a broker restart is sent again (see onConnectionLost).
        Message message = message(context, method, args, MessageDeliveryMode.NON_PERSISTENT);
        long deadline = System.nanoTime() + timeout.toNanos();
        return observations.send(
                RpcObservations.Kind.CALL,
                method,
                message.getMessageProperties(),
                () -> retry.until(deadline, method, () -> callAndWait(method, server, message, timeout, deadline)));
    }

    private <R> R callAndWait(RpcMethod<?, R> method, String server, Message message, Duration timeout, long deadline) {
        String correlationId = MessageIds.next();
        CompletableFuture<RpcReply> reply = new CompletableFuture<>();
        pending.put(correlationId, reply);
        try {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            message.getMessageProperties().setCorrelationId(correlationId);
            message.getMessageProperties().setReplyTo(replyQueue);
            // A call nobody answered in time is of no use to anyone: let the broker drop it (as oslo does).
            if (expirationIsTtl) {
                message.getMessageProperties().setExpiration(Long.toString(left));
            }
            CorrelationData confirm = new CorrelationData(correlationId);
            String routingKey = method.routingKey(server);
            confirm.getFuture().whenComplete((result, failure) -> {
                RemoteError undelivered = undelivered(routingKey, confirm, result, failure);
                if (undelivered != null) {
                    reply.completeExceptionally(undelivered);
                }
            });
            publish(method, routingKey, message, confirm);
            return result(method, await(reply, left, timeout, method, routingKey));
        } finally {
            pending.remove(correlationId);
        }
    }

    /** Sends a method to any server of its topic without waiting for it to run; returns once the broker has it. */
    public <A> void cast(RpcContext context, RpcMethod<A, Void> method, A args) {
        cast(context, method, null, args);
    }

    /** Sends a method to one named server of its topic; returns once the broker has safely taken the message. */
    public <A> void cast(RpcContext context, RpcMethod<A, Void> method, String server, A args) {
        cast(context, method, server, args, properties.castTimeout());
    }

    /**
     * Sends a method to one named server of its topic; returns once the broker has safely taken the message. While
     * the broker cannot take it, tries again until {@code within} has passed, then raises {@link
     * BrokerUnavailableException}. A message sent again after a lost confirm may arrive twice: handlers of casts
     * are idempotent.
     */
    public <A> void cast(RpcContext context, RpcMethod<A, Void> method, String server, A args, Duration within) {
        Message message = message(context, method, args, MessageDeliveryMode.PERSISTENT);
        long deadline = System.nanoTime() + within.toNanos();
        observations.send(RpcObservations.Kind.CAST, method, message.getMessageProperties(), () -> {
            retry.until(deadline, method, () -> {
                castAndConfirm(method, server, message);
                return null;
            });
            return null;
        });
    }

    private void castAndConfirm(RpcMethod<?, Void> method, String server, Message message) {
        CorrelationData confirm = new CorrelationData(MessageIds.next());
        String routingKey = method.routingKey(server);
        publish(method, routingKey, message, confirm);
        CorrelationData.Confirm result;
        try {
            result = confirm.getFuture().get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("no confirm from the broker for " + method.name() + " to " + routingKey
                    + " within " + properties.confirmTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UndeliverableException("interrupted while sending " + method.name());
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException("sending " + method.name() + " failed: " + e.getCause());
        }
        RemoteError undelivered = undelivered(routingKey, confirm, result, null);
        if (undelivered != null) {
            throw undelivered;
        }
    }

    /** Hands the message to the broker; any failure to do so is the broker's or the connection's, and passes. */
    private void publish(RpcMethod<?, ?> method, String routingKey, Message message, CorrelationData confirm) {
        try {
            template.send(properties.exchange(), routingKey, message, confirm);
        } catch (AmqpException e) {
            throw new BrokerUnavailableException(
                    "the broker did not take " + method.name() + " to " + routingKey + ": " + e.getMessage());
        }
    }

    /**
     * Sends a copy to every subscriber of the topic's fanout. Transient and unconfirmed: fanouts carry periodic
     * state (reports, heartbeats) that the next one replaces, and having no subscriber is normal.
     */
    public <A> void fanout(RpcContext context, RpcMethod<A, Void> method, A args) {
        observations.fanoutSent(method);
        template.send(
                properties.exchange(),
                method.fanoutKey(),
                message(context, method, args, MessageDeliveryMode.NON_PERSISTENT));
    }

    private Message message(RpcContext context, RpcMethod<?, ?> method, Object args, MessageDeliveryMode mode) {
        RpcVersion cap = properties.capOf(method.topic());
        if (cap != null && method.since().compareTo(cap) > 0) {
            throw new UnsupportedVersionException("Cannot send " + method.name() + " (version " + method.since()
                    + "): novasim.rpc.version-caps." + method.topic() + " is " + cap);
        }
        RpcEnvelope envelope =
                new RpcEnvelope(method.name(), method.since().toString(), context, codec.toTree(args, cap));
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setDeliveryMode(mode);
        props.setType(method.name());
        props.setMessageId(MessageIds.next());
        return new Message(codec.encode(envelope), props);
    }

    private static RemoteError undelivered(
            String routingKey, CorrelationData data, CorrelationData.Confirm confirm, Throwable failure) {
        if (failure != null) {
            return new BrokerUnavailableException("publishing to " + routingKey + " failed: " + failure);
        }
        if (!confirm.ack() && confirm.reason() != null) {
            // Spring's nack for a confirm that was still pending when the channel closed (a broker's own nack
            // carries no reason): the broker may or may not have the message.
            return new BrokerUnavailableException("the channel closed before the broker confirmed a message to "
                    + routingKey + ": " + confirm.reason());
        }
        if (!confirm.ack()) {
            // RabbitMQ returns an unroutable mandatory message and then confirms it; Qpid Broker-J nacks it first.
            return new UndeliverableException("the broker refused a message to " + routingKey
                    + ": no server listens on it, or the broker is full");
        }
        ReturnedMessage returned = data.getReturned();
        if (returned != null) {
            return new UndeliverableException(
                    "no server listens on " + routingKey + " (" + returned.getReplyText() + ")");
        }
        return null;
    }

    private RpcReply await(
            CompletableFuture<RpcReply> reply, long waitMillis, Duration timeout, RpcMethod<?, ?> method, String key) {
        try {
            return reply.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RpcTimeoutException("Timed out waiting for a reply to " + method.name() + " on " + key + " after "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTimeoutException("interrupted while waiting for a reply to " + method.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RemoteError remote) {
                throw remote;
            }
            throw new RemoteError(
                    e.getCause().getClass().getSimpleName(),
                    String.valueOf(e.getCause().getMessage()));
        }
    }

    private <R> R result(RpcMethod<?, R> method, RpcReply reply) {
        if (reply.failure() != null) {
            throw errors.toException(reply.failure().type(), reply.failure().message());
        }
        return codec.fromTree(reply.result(), method.resultType());
    }

    private void onReply(Message message) {
        String correlationId = message.getMessageProperties().getCorrelationId();
        CompletableFuture<RpcReply> waiting = correlationId == null ? null : pending.get(correlationId);
        if (waiting == null) {
            log.debug("reply {} arrived after its caller gave up", correlationId);
            return;
        }
        try {
            waiting.complete(codec.decode(message.getBody(), RpcReply.class));
        } catch (RuntimeException e) {
            waiting.completeExceptionally(new RemoteError("UnreadableReply", e.getMessage()));
        }
    }

    /**
     * The connection went (a broker restart, a network cut): a call waiting for its reply will not get it, since
     * its request was transient and its reply queue went with the connection. Each is failed now, so that its
     * caller sends it again once the broker is back instead of waiting out its whole timeout.
     */
    private void onConnectionLost(ShutdownSignalException signal) {
        if (pending.isEmpty()) {
            return;
        }
        log.warn("connection to the broker lost with {} calls waiting: sending them again", pending.size());
        BrokerUnavailableException lost =
                new BrokerUnavailableException("the connection to the broker was lost: " + signal.getMessage());
        pending.values().forEach(waiting -> waiting.completeExceptionally(lost));
    }

    private void learnBroker(Connection connection) {
        Map<String, Object> server = connection.getDelegate() == null
                ? Map.of()
                : connection.getDelegate().getServerProperties();
        String product = String.valueOf(server.get("product"));
        expirationIsTtl = product.contains("RabbitMQ");
        log.info(
                expirationIsTtl
                        ? "broker is {} {}: calls carry their timeout as a time-to-live"
                        : "broker is {} {}, not RabbitMQ: calls go without a broker-side time-to-live",
                product,
                server.get("version"));
    }

    /** Whether this process may use what the topic's contract has from {@code version} on (no cap below it). */
    public boolean speaks(String topic, RpcVersion version) {
        RpcVersion cap = properties.capOf(topic);
        return cap == null || cap.compareTo(version) >= 0;
    }

    /** Calls still waiting for their reply. */
    int pendingCalls() {
        return pending.size();
    }

    @Override
    public void start() {
        replyContainer.start();
    }

    @Override
    public void stop() {
        replyContainer.stop();
    }

    @Override
    public boolean isRunning() {
        return replyContainer.isRunning();
    }

    @Override
    public int getPhase() {
        // Start before the servers (whose handlers make calls) and stop after them.
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
