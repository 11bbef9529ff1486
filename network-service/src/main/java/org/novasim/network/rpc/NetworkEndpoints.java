package org.novasim.network.rpc;

import java.util.List;
import org.novasim.common.network.Deallocated;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.NetworkApi;
import org.novasim.common.network.NetworkList;
import org.novasim.common.network.PortList;
import org.novasim.common.network.SubnetList;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.rpc.RpcHandler;
import org.novasim.network.NetworkProperties;
import org.novasim.network.Scope;
import org.novasim.network.instance.InstanceNetworks;
import org.novasim.network.instance.PortMetrics;
import org.novasim.network.network.NetworkService;
import org.novasim.network.port.PortService;
import org.novasim.network.quota.NetworkQuotas;
import org.novasim.network.subnet.SubnetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The network service's one door: every method of {@link NetworkApi} on the shared {@code network} queue, so
 * several network-service processes take turns. Each handler only translates and hands over.
 */
@Component
class NetworkEndpoints implements RpcEndpoints {

    private static final Logger log = LoggerFactory.getLogger(NetworkEndpoints.class);
    /** The wire type of a failure of the database, which the API answers with 503. */
    public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

    private final InstanceNetworks instances;
    private final NetworkService networks;
    private final SubnetService subnets;
    private final PortService ports;
    private final NetworkProperties properties;
    private final PortMetrics portMetrics;
    private final NetworkQuotas quotas;

    NetworkEndpoints(
            InstanceNetworks instances,
            NetworkService networks,
            SubnetService subnets,
            PortService ports,
            NetworkProperties properties,
            PortMetrics portMetrics,
            NetworkQuotas quotas) {
        this.instances = instances;
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.properties = properties;
        this.portMetrics = portMetrics;
        this.quotas = quotas;
    }

    @Override
    public List<Served> endpoints() {
        RpcEndpoint endpoint = RpcEndpoint.builder(NetworkApi.TOPIC, NetworkApi.VERSION)
                .on(NetworkApi.ALLOCATE_FOR_INSTANCE, guarded(portMetrics.allocations(instances::allocate)))
                .on(NetworkApi.DEALLOCATE_FOR_INSTANCE, guarded((context, args) -> {
                    int released = instances.deallocate(args.instanceUuid());
                    portMetrics.released(released);
                    return new Deallocated(released);
                }))
                .on(
                        NetworkApi.LIST_NETWORKS,
                        guarded((context, args) -> new NetworkList(networks.list(Scope.of(context), args))))
                .on(
                        NetworkApi.SHOW_NETWORK,
                        guarded((context, args) -> networks.show(Scope.of(context), args.networkId())))
                .on(NetworkApi.CREATE_NETWORK, guarded((context, args) -> networks.create(Scope.of(context), args)))
                .on(NetworkApi.DELETE_NETWORK, guarded((context, args) -> {
                    networks.delete(Scope.of(context), args.networkId());
                    return null;
                }))
                .on(
                        NetworkApi.LIST_SUBNETS,
                        guarded((context, args) -> new SubnetList(subnets.list(Scope.of(context), args))))
                .on(
                        NetworkApi.SHOW_SUBNET,
                        guarded((context, args) -> subnets.show(Scope.of(context), args.subnetId())))
                .on(NetworkApi.CREATE_SUBNET, guarded((context, args) -> subnets.create(Scope.of(context), args)))
                .on(NetworkApi.DELETE_SUBNET, guarded((context, args) -> {
                    subnets.delete(Scope.of(context), args.subnetId());
                    return null;
                }))
                .on(
                        NetworkApi.LIST_PORTS,
                        guarded((context, args) -> new PortList(ports.list(Scope.of(context), args))))
                .on(NetworkApi.SHOW_PORT, guarded((context, args) -> ports.show(Scope.of(context), args.portId())))
                .on(NetworkApi.CREATE_PORT, guarded((context, args) -> ports.create(Scope.of(context), args)))
                .on(NetworkApi.DELETE_PORT, guarded((context, args) -> {
                    ports.delete(Scope.of(context), args.portId());
                    return null;
                }))
                .on(NetworkApi.SHOW_QUOTA, guarded((context, args) -> quotas.show(Scope.of(context), args.projectId())))
                .on(NetworkApi.UPDATE_QUOTA, guarded((context, args) -> quotas.update(Scope.of(context), args)))
                .on(NetworkApi.DELETE_QUOTA, guarded((context, args) -> {
                    quotas.reset(Scope.of(context), args.projectId());
                    return null;
                }))
                .build();
        return List.of(new Served(
                endpoint, QueueSpec.shared(NetworkApi.TOPIC, properties.consumers(), properties.prefetch())));
    }

    /**
     * The last line against bad input: a value the checks missed that the database refuses (a constraint, a
     * length) comes back as Neutron's InvalidInput, not as an anonymous failure; the transaction is rolled back.
     */
    private static <A, R> RpcHandler<A, R> guarded(RpcHandler<A, R> handler) {
        return (RpcContext context, A args) -> {
            try {
                return handler.handle(context, args);
            } catch (DataAccessResourceFailureException
                    | CannotCreateTransactionException
                    | TransactionSystemException
                    | TransientDataAccessException e) {
                // The database is away, not the request wrong: the API answers 503 and the client tries later. A
                // connection dropped in the middle of a transaction often shows only as its rollback failing
                // (TransactionSystemException, the query's own failure kept as its application exception).
                log.warn("the database failed: {}", e.toString());
                throw new RemoteError(DATABASE_UNAVAILABLE, "network-service's database is unavailable");
            } catch (DataIntegrityViolationException e) {
                log.warn(
                        "request refused by the database: {}",
                        e.getMostSpecificCause().getMessage());
                throw InvalidInputException.because("the request conflicts with the stored networks, subnets or ports");
            }
        };
    }
}
