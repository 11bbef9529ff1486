package org.novasim.common.network;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The network service's contract (nova-network's network/rpcapi.py of 2011, plus what api-service needs to serve a
 * Neutron-shaped REST API).
 *
 * <p>Version history:
 * <ul>
 *   <li>1.0 allocate_for_instance, deallocate_for_instance</li>
 *   <li>1.1 list/show/create/delete of networks, subnets and ports</li>
 *   <li>1.2 show_quota, update_quota, delete_quota: Neutron's network, subnet and port quotas per project</li>
 * </ul>
 */
public final class NetworkApi {

    public static final String TOPIC = "network";
    public static final RpcVersion VERSION = new RpcVersion(1, 2);

    public static final RpcMethod<AllocateForInstance, NetworkInfo> ALLOCATE_FOR_INSTANCE =
            RpcMethod.call(TOPIC, "allocate_for_instance", "1.0", AllocateForInstance.class, NetworkInfo.class);
    public static final RpcMethod<DeallocateForInstance, Deallocated> DEALLOCATE_FOR_INSTANCE =
            RpcMethod.call(TOPIC, "deallocate_for_instance", "1.0", DeallocateForInstance.class, Deallocated.class);

    public static final RpcMethod<ListNetworks, NetworkList> LIST_NETWORKS =
            RpcMethod.call(TOPIC, "list_networks", "1.1", ListNetworks.class, NetworkList.class);
    public static final RpcMethod<ShowNetwork, Network> SHOW_NETWORK =
            RpcMethod.call(TOPIC, "show_network", "1.1", ShowNetwork.class, Network.class);
    public static final RpcMethod<CreateNetwork, Network> CREATE_NETWORK =
            RpcMethod.call(TOPIC, "create_network", "1.1", CreateNetwork.class, Network.class);
    public static final RpcMethod<DeleteNetwork, Void> DELETE_NETWORK =
            RpcMethod.call(TOPIC, "delete_network", "1.1", DeleteNetwork.class, Void.class);

    public static final RpcMethod<ListSubnets, SubnetList> LIST_SUBNETS =
            RpcMethod.call(TOPIC, "list_subnets", "1.1", ListSubnets.class, SubnetList.class);
    public static final RpcMethod<ShowSubnet, Subnet> SHOW_SUBNET =
            RpcMethod.call(TOPIC, "show_subnet", "1.1", ShowSubnet.class, Subnet.class);
    public static final RpcMethod<CreateSubnet, Subnet> CREATE_SUBNET =
            RpcMethod.call(TOPIC, "create_subnet", "1.1", CreateSubnet.class, Subnet.class);
    public static final RpcMethod<DeleteSubnet, Void> DELETE_SUBNET =
            RpcMethod.call(TOPIC, "delete_subnet", "1.1", DeleteSubnet.class, Void.class);

    public static final RpcMethod<ListPorts, PortList> LIST_PORTS =
            RpcMethod.call(TOPIC, "list_ports", "1.1", ListPorts.class, PortList.class);
    public static final RpcMethod<ShowPort, Port> SHOW_PORT =
            RpcMethod.call(TOPIC, "show_port", "1.1", ShowPort.class, Port.class);
    public static final RpcMethod<CreatePort, Port> CREATE_PORT =
            RpcMethod.call(TOPIC, "create_port", "1.1", CreatePort.class, Port.class);
    public static final RpcMethod<DeletePort, Void> DELETE_PORT =
            RpcMethod.call(TOPIC, "delete_port", "1.1", DeletePort.class, Void.class);

    public static final RpcMethod<ShowQuota, QuotaSet> SHOW_QUOTA =
            RpcMethod.call(TOPIC, "show_quota", "1.2", ShowQuota.class, QuotaSet.class);
    public static final RpcMethod<UpdateQuota, QuotaSet> UPDATE_QUOTA =
            RpcMethod.call(TOPIC, "update_quota", "1.2", UpdateQuota.class, QuotaSet.class);
    public static final RpcMethod<DeleteQuota, Void> DELETE_QUOTA =
            RpcMethod.call(TOPIC, "delete_quota", "1.2", DeleteQuota.class, Void.class);

    private NetworkApi() {}
}
