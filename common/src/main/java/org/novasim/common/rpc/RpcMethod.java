package org.novasim.common.rpc;

/**
 * One remote method of a service's contract: the topic it lives on, its wire name (the logical type id of its
 * arguments), the contract version that introduced it, and the record types of its arguments and result.
 * Casts have a {@link Void} result.
 */
public record RpcMethod<A, R>(String topic, String name, RpcVersion since, Class<A> argsType, Class<R> resultType) {

    public static <A, R> RpcMethod<A, R> call(String topic, String name, String since, Class<A> args, Class<R> result) {
        return new RpcMethod<>(topic, name, RpcVersion.parse(since), args, result);
    }

    public static <A> RpcMethod<A, Void> cast(String topic, String name, String since, Class<A> args) {
        return new RpcMethod<>(topic, name, RpcVersion.parse(since), args, Void.class);
    }

    /** The routing key of a message to one named server of the topic, e.g. {@code compute.compute-1}. */
    public String routingKey(String server) {
        return server == null ? topic : topic + "." + server;
    }

    /** The routing key every fanout subscriber of the topic is bound to. */
    public String fanoutKey() {
        return topic + "_fanout";
    }
}
