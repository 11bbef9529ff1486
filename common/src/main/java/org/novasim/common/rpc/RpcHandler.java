package org.novasim.common.rpc;

/** The server side of one {@link RpcMethod}. Casts return null. */
@FunctionalInterface
public interface RpcHandler<A, R> {

    R handle(RpcContext context, A args);
}
