package org.novasim.common.network;

import java.util.List;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;

/**
 * Typed client of the network service. Every method is a call: the caller waits for the answer and gets the
 * service's typed failures ({@link NetworkNotFoundException}, {@link IpAddressExhaustedException}, ...) as
 * exceptions. The context's project and roles scope what the caller sees (admin sees everything).
 */
public class NetworkClient {

    private final RpcClient rpc;

    public NetworkClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    public NetworkInfo allocateForInstance(
            RpcContext context, String instanceUuid, String projectId, String host, List<RequestedNetwork> networks) {
        return rpc.call(
                context,
                NetworkApi.ALLOCATE_FOR_INSTANCE,
                new AllocateForInstance(instanceUuid, projectId, host, networks));
    }

    public int deallocateForInstance(RpcContext context, String instanceUuid) {
        return rpc.call(context, NetworkApi.DEALLOCATE_FOR_INSTANCE, new DeallocateForInstance(instanceUuid))
                .ports();
    }

    public List<Network> listNetworks(RpcContext context, ListNetworks filters) {
        return rpc.call(context, NetworkApi.LIST_NETWORKS, filters).networks();
    }

    public Network showNetwork(RpcContext context, String networkId) {
        return rpc.call(context, NetworkApi.SHOW_NETWORK, new ShowNetwork(networkId));
    }

    public Network createNetwork(RpcContext context, CreateNetwork request) {
        return rpc.call(context, NetworkApi.CREATE_NETWORK, request);
    }

    public void deleteNetwork(RpcContext context, String networkId) {
        rpc.call(context, NetworkApi.DELETE_NETWORK, new DeleteNetwork(networkId));
    }

    public List<Subnet> listSubnets(RpcContext context, ListSubnets filters) {
        return rpc.call(context, NetworkApi.LIST_SUBNETS, filters).subnets();
    }

    public Subnet showSubnet(RpcContext context, String subnetId) {
        return rpc.call(context, NetworkApi.SHOW_SUBNET, new ShowSubnet(subnetId));
    }

    public Subnet createSubnet(RpcContext context, CreateSubnet request) {
        return rpc.call(context, NetworkApi.CREATE_SUBNET, request);
    }

    public void deleteSubnet(RpcContext context, String subnetId) {
        rpc.call(context, NetworkApi.DELETE_SUBNET, new DeleteSubnet(subnetId));
    }

    public List<Port> listPorts(RpcContext context, ListPorts filters) {
        return rpc.call(context, NetworkApi.LIST_PORTS, filters).ports();
    }

    public Port showPort(RpcContext context, String portId) {
        return rpc.call(context, NetworkApi.SHOW_PORT, new ShowPort(portId));
    }

    public Port createPort(RpcContext context, CreatePort request) {
        return rpc.call(context, NetworkApi.CREATE_PORT, request);
    }

    public void deletePort(RpcContext context, String portId) {
        rpc.call(context, NetworkApi.DELETE_PORT, new DeletePort(portId));
    }

    public QuotaSet showQuota(RpcContext context, String projectId) {
        return rpc.call(context, NetworkApi.SHOW_QUOTA, new ShowQuota(projectId));
    }

    public QuotaSet updateQuota(RpcContext context, UpdateQuota request) {
        return rpc.call(context, NetworkApi.UPDATE_QUOTA, request);
    }

    public void deleteQuota(RpcContext context, String projectId) {
        rpc.call(context, NetworkApi.DELETE_QUOTA, new DeleteQuota(projectId));
    }
}
