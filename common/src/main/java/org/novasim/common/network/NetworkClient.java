package org.novasim.common.network;

import java.util.List;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;

/** Typed client of the network service. */
public class NetworkClient {

    private final RpcClient rpc;

    public NetworkClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    public NetworkInfo allocateForInstance(RpcContext context, String instanceUuid, String projectId, String host,
                                           List<RequestedNetwork> networks) {
        return rpc.call(context, NetworkApi.ALLOCATE_FOR_INSTANCE,
                new AllocateForInstance(instanceUuid, projectId, host, networks));
    }

    public int deallocateForInstance(RpcContext context, String instanceUuid) {
        return rpc.call(context, NetworkApi.DEALLOCATE_FOR_INSTANCE, new DeallocateForInstance(instanceUuid)).ports();
    }
}
