package org.novasim.common.rpc;

import java.util.List;

/**
 * The doors of one feature of a service (Nova's manager): each endpoint with the queue it is served from. A
 * service declares these as beans; the {@link RpcServer} serves them all once the application context is built,
 * so that building it has no side effects. Each handler only translates and hands over to one feature class.
 */
public interface RpcEndpoints {

    /** An endpoint and the queue its messages come from. */
    record Served(RpcEndpoint endpoint, QueueSpec queue) {}

    List<Served> endpoints();
}
