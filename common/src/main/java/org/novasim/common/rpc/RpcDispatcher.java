package org.novasim.common.rpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one incoming message against an endpoint: checks the request context (a message without one is refused,
 * never run as the system), the contract version, reads the arguments, invokes the handler with the request id in the logging context, and turns any failure into a reply the caller can re-raise.
 * Plain Java, so the rules can be tested without a broker.
 */
final class RpcDispatcher {

    static final String REQUEST_ID_MDC_KEY = "request_id";
    private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

    private final RpcEndpoint endpoint;
    private final RpcCodec codec;

    RpcDispatcher(RpcEndpoint endpoint, RpcCodec codec) {
        this.endpoint = endpoint;
        this.codec = codec;
    }

    String topic() {
        return endpoint.topic();
    }

    /** Whether the endpoint offers the method (an unknown name must not become a metric's tag). */
    boolean serves(String method) {
        return method != null && endpoint.binding(method) != null;
    }

    /** What handling a message came to: the reply for its caller, and the failure if there was one. */
    record Outcome(RpcReply reply, RemoteError failure) {}

    RpcReply dispatch(RpcEnvelope envelope) {
        return handle(envelope).reply();
    }

    Outcome handle(RpcEnvelope envelope) {
        String requestId =
                envelope.context() == null ? null : envelope.context().requestId();
        if (requestId != null) {
            MDC.put(REQUEST_ID_MDC_KEY, requestId);
        }
        try {
            return new Outcome(RpcReply.success(codec.toTree(invoke(envelope))), null);
        } catch (RemoteError e) {
            log.info("{} on {} failed: {}", envelope.method(), endpoint.topic(), e.toString());
            return new Outcome(RpcReply.failure(e), e);
        } catch (RuntimeException e) {
            log.error("{} on {} failed unexpectedly", envelope.method(), endpoint.topic(), e);
            RemoteError failure = new RemoteError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            return new Outcome(RpcReply.failure(failure), failure);
        } finally {
            MDC.remove(REQUEST_ID_MDC_KEY);
        }
    }

    private Object invoke(RpcEnvelope envelope) {
        RpcContext context = envelope.context();
        if (context == null || !context.isValid()) {
            throw new InvalidContextException("Endpoint " + endpoint.topic() + " refuses " + envelope.method()
                    + ": the message carries no valid request context (a request id, and a project's user or the"
                    + " admin role)");
        }
        RpcVersion requested;
        try {
            requested = RpcVersion.parse(envelope.version());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedVersionException("Endpoint " + endpoint.topic() + " cannot read RPC version '"
                    + envelope.version() + "'. Attempted method: " + envelope.method());
        }
        if (!endpoint.version().canServe(requested)) {
            throw new UnsupportedVersionException("Endpoint " + endpoint.topic() + " (version " + endpoint.version()
                    + ") does not support RPC version " + requested + ". Attempted method: " + envelope.method());
        }
        RpcEndpoint.Binding<?, ?> binding = endpoint.binding(envelope.method());
        if (binding == null) {
            throw new UnknownMethodException(
                    "Endpoint " + endpoint.topic() + " does not support RPC method " + envelope.method());
        }
        return invoke(binding, envelope);
    }

    private <A, R> R invoke(RpcEndpoint.Binding<A, R> binding, RpcEnvelope envelope) {
        A args = codec.fromTree(envelope.args(), binding.method().argsType());
        if (args == null) {
            throw new InvalidArgumentsException(envelope.method() + " needs arguments");
        }
        return binding.handler().handle(envelope.context(), args);
    }
}
