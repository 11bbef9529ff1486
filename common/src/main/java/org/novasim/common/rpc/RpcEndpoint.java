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

    /**
     * This endpoint as a process capped at {@code cap} serves it: at that version, without the methods added
     * after it. Uncapped (null), or capped at this version or above, it is unchanged.
     */
    public RpcEndpoint cappedAt(RpcVersion cap) {
        if (cap == null || cap.major() != version.major() || cap.compareTo(version) >= 0) {
            return this;
        }
        Map<String, Binding<?, ?>> older = new LinkedHashMap<>();
        bindings.forEach((name, binding) -> {
            if (binding.method().since().compareTo(cap) <= 0) {
                older.put(name, binding);
            }
        });
        return new RpcEndpoint(topic, cap, older);
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
