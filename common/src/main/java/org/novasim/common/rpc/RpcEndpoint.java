package org.novasim.common.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The methods a server offers on one topic, at one contract version (Nova's manager with its target). */
public final class RpcEndpoint {

    record Binding<A, R>(RpcMethod<A, R> method, RpcHandler<A, R> handler) {}

    private final String topic;
    private final RpcVersion version;
    private final Map<String, Binding<?, ?>> bindings;

    private RpcEndpoint(String topic, RpcVersion version, Map<String, Binding<?, ?>> bindings) {
        this.topic = topic;
        this.version = version;
        this.bindings = Map.copyOf(bindings);
    }

    public static Builder builder(String topic, RpcVersion version) {
        return new Builder(topic, version);
    }

    public String topic() {
        return topic;
    }

    public RpcVersion version() {
        return version;
    }

    Binding<?, ?> binding(String method) {
        return bindings.get(method);
    }

    public static final class Builder {
        private final String topic;
        private final RpcVersion version;
        private final Map<String, Binding<?, ?>> bindings = new LinkedHashMap<>();

        private Builder(String topic, RpcVersion version) {
            this.topic = topic;
            this.version = version;
        }

        public <A, R> Builder on(RpcMethod<A, R> method, RpcHandler<A, R> handler) {
            if (!method.topic().equals(topic)) {
                throw new IllegalArgumentException(
                        method.name() + " belongs to topic " + method.topic() + ", not " + topic);
            }
            if (version.compareTo(method.since()) < 0
                    || version.major() != method.since().major()) {
                throw new IllegalArgumentException(
                        method.name() + " needs version " + method.since() + ", endpoint is " + version);
            }
            bindings.put(method.name(), new Binding<>(method, handler));
            return this;
        }

        public RpcEndpoint build() {
            return new RpcEndpoint(topic, version, bindings);
        }
    }
}
