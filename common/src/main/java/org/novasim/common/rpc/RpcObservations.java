package org.novasim.common.rpc;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.amqp.core.MessageProperties;

/**
 * Metrics and trace context of RPC messages, through Micrometer's Observation API: every call and cast is one
 * observation on each side ({@code novasim.rpc.client} and {@code novasim.rpc.server}), which the service's
 * registry turns into a timer by topic, method, kind and outcome and, when tracing is on, into a span whose W3C
 * {@code traceparent} travels in the message's headers. Tags never name a host, a server or a request: a compute
 * host's routing key counts as its topic ({@code compute}), and a method name the endpoint does not know counts
 * as {@code unknown}, so a hostile message cannot grow the series.
 *
 * <p>Fanouts (reports, heartbeats, many a second, none part of a request) are only counted and timed, without an
 * observation: they would otherwise fill the tracer with one-span traces.
 */
public final class RpcObservations {

    static final String CLIENT = "novasim.rpc.client";
    static final String SERVER = "novasim.rpc.server";
    static final String UNKNOWN_METHOD = "unknown";

    enum Kind {
        CALL,
        CAST;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    public RpcObservations(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /** No metrics and no traces (tests of the plumbing alone). */
    public static RpcObservations none() {
        return new RpcObservations(ObservationRegistry.NOOP, new CompositeMeterRegistry());
    }

    /** Runs the sending (and, for a call, the wait for its reply) as one observation; the headers get the trace. */
    <T> T send(Kind kind, RpcMethod<?, ?> method, MessageProperties headers, Supplier<T> sending) {
        SenderContext<MessageProperties> context =
                new SenderContext<>((carrier, key, value) -> carrier.setHeader(key, value));
        context.setCarrier(headers);
        context.setRemoteServiceName(method.topic());
        Observation observation = Observation.createNotStarted(CLIENT, () -> context, observations)
                .contextualName(method.topic() + " " + method.name())
                .lowCardinalityKeyValues(keys(method.topic(), method.name(), kind));
        return observation.observe(() -> {
            try {
                return sending.get();
            } catch (RuntimeException e) {
                observation.lowCardinalityKeyValue("outcome", e.getClass().getSimpleName());
                throw e;
            }
        });
    }

    /** Handles one received call or cast as an observation continuing the sender's trace. */
    RpcReply receive(String topic, String method, Kind kind, MessageProperties headers, Supplier<RpcReply> handling) {
        ReceiverContext<MessageProperties> context = new ReceiverContext<>((carrier, key) -> {
            Object value = carrier.getHeader(key);
            return value == null ? null : value.toString();
        });
        context.setCarrier(headers);
        context.setRemoteServiceName(topic);
        Observation observation = Observation.createNotStarted(SERVER, () -> context, observations)
                .contextualName(topic + " " + method)
                .lowCardinalityKeyValues(keys(topic, method, kind));
        return observation.observe(() -> {
            RpcReply reply = handling.get();
            observation.lowCardinalityKeyValue(
                    "outcome",
                    reply.failure() == null ? "success" : reply.failure().type());
            return reply;
        });
    }

    /** A message the broker could not take (or whose connection went before the reply): it is sent again. */
    void brokerUnavailable(RpcMethod<?, ?> method) {
        Counter.builder("novasim.rpc.broker.unavailable")
                .description("Calls and casts the broker could not take, or lost with their connection: sent again")
                .tag("topic", method.topic())
                .tag("method", method.name())
                .register(meters)
                .increment();
    }

    /** A cast that failed for good went to the dead-letter queue. */
    void deadLettered(String topic, String method) {
        Counter.builder("novasim.rpc.dead.lettered")
                .description("Casts that failed for good, and unreadable messages, kept in the dead-letter queue")
                .tag("topic", topic)
                .tag("method", method)
                .register(meters)
                .increment();
    }

    void fanoutSent(RpcMethod<?, ?> method) {
        Counter.builder("novasim.rpc.fanout.sent")
                .description("Fanout messages sent (reports, heartbeats)")
                .tag("topic", method.topic())
                .tag("method", method.name())
                .register(meters)
                .increment();
    }

    void fanoutReceived(String topic, String method, long nanos) {
        Timer.builder("novasim.rpc.fanout.received")
                .description("Fanout messages handled (reports, heartbeats)")
                .tag("topic", topic)
                .tag("method", method)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * What is being handled on this thread now, to carry to another thread that finishes the work (a build that
     * goes on in a worker after its message was taken in): its later calls and casts stay in the same trace.
     */
    public TraceHandoff handoff() {
        Observation current = observations.getCurrentObservation();
        return current == null ? TraceHandoff.NONE : work -> () -> current.scoped(work);
    }

    private static KeyValues keys(String topic, String method, Kind kind) {
        // Every observation carries the same keys, as Prometheus needs one label set per metric name.
        return KeyValues.of("topic", topic, "method", method, "kind", kind.tag(), "outcome", "success");
    }
}
