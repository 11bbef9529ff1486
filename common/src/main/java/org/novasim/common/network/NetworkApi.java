package org.novasim.common.network;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The network service's contract (nova-network's network/rpcapi.py of 2011).
 * Version history: 1.0 allocate_for_instance, deallocate_for_instance.
 */
public final class NetworkApi {

    public static final String TOPIC = "network";
    public static final RpcVersion VERSION = new RpcVersion(1, 0);

    public static final RpcMethod<AllocateForInstance, NetworkInfo> ALLOCATE_FOR_INSTANCE =
            RpcMethod.call(TOPIC, "allocate_for_instance", "1.0", AllocateForInstance.class, NetworkInfo.class);
    public static final RpcMethod<DeallocateForInstance, Deallocated> DEALLOCATE_FOR_INSTANCE =
            RpcMethod.call(TOPIC, "deallocate_for_instance", "1.0", DeallocateForInstance.class, Deallocated.class);

    private NetworkApi() {
    }
}
