package org.novasim.network.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.novasim.common.network.CreateNetwork;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.ListNetworks;
import org.novasim.common.network.Network;
import org.novasim.common.network.NetworkAmbiguousException;
import org.novasim.common.network.NetworkInUseException;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.network.Inputs;
import org.novasim.network.NetworkProperties;
import org.novasim.network.QueryFilters;
import org.novasim.network.Scope;
import org.novasim.network.Timestamps;
import org.novasim.network.ipam.IpAllocator;
import org.novasim.network.quota.NetworkQuotas;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.NetworkRepository;
import org.novasim.network.store.PortRepository;
import org.novasim.network.store.SubnetEntity;
import org.novasim.network.store.SubnetRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Networks: list, show, create and delete within the caller's scope, and finding one by id or name. */
@Service
public class NetworkService {

    static final String ACTIVE = "ACTIVE";
    private static final int MIN_MTU = 68;
    private static final int MAX_MTU = 9216;

    private final NetworkRepository networks;
    private final SubnetRepository subnets;
    private final PortRepository ports;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient jdbc;
    private final IpAllocator allocator;
    private final NetworkProperties properties;
    private final NetworkQuotas quotas;

    public NetworkService(
            NetworkRepository networks,
            SubnetRepository subnets,
            PortRepository ports,
            JdbcAggregateTemplate aggregates,
            JdbcClient jdbc,
            IpAllocator allocator,
            NetworkProperties properties,
            NetworkQuotas quotas) {
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.allocator = allocator;
        this.properties = properties;
        this.quotas = quotas;
    }

    @Transactional(readOnly = true)
    public List<Network> list(Scope scope, ListNetworks filters) {
        QueryFilters where = new QueryFilters()
                .equal("id", filters.id())
                .equal("name", filters.name())
                .equal("projectId", filters.projectId())
                .equal("shared", filters.shared())
                .equal("routerExternal", filters.routerExternal())
                .equal("status", filters.status());
        if (!scope.admin()) {
            where.and(Criteria.where("shared")
                    .isTrue()
                    .or("routerExternal")
                    .isTrue()
                    .or("projectId")
                    .is(scope.projectId() == null ? "" : scope.projectId()));
        }
        List<NetworkEntity> found =
                aggregates.findAll(Query.query(where.criteria()).sort(Sort.by("createdAt", "id")), NetworkEntity.class);
        Map<String, List<String>> subnetIds = subnetIdsByNetwork();
        return found.stream()
                .map(n -> n.toContract(subnetIds.getOrDefault(n.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Network show(Scope scope, String networkId) {
        NetworkEntity network = visible(scope, networkId);
        return network.toContract(subnetIdsOf(network.id()));
    }

    @Transactional
    public Network create(Scope scope, CreateNetwork request) {
        String projectId = request.projectId() == null ? scope.projectId() : request.projectId();
        if (!scope.admin()) {
            if (request.projectId() != null && !request.projectId().equals(scope.projectId())) {
                throw PolicyNotAuthorizedException.rule("create_network:project_id");
            }
            if (Boolean.TRUE.equals(request.shared())) {
                throw PolicyNotAuthorizedException.rule("create_network:shared");
            }
            if (Boolean.TRUE.equals(request.routerExternal())) {
                throw PolicyNotAuthorizedException.rule("create_network:router:external");
            }
        }
        int mtu = request.mtu() == null ? properties.defaultMtu() : request.mtu();
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw InvalidInputException.because("mtu " + mtu + " is not between " + MIN_MTU + " and " + MAX_MTU);
        }
        quotas.checkOneMore(projectId, NetworkQuotas.Resource.NETWORK);
        var now = Timestamps.now();
        NetworkEntity network = aggregates.insert(new NetworkEntity(
                UUID.randomUUID().toString(),
                Inputs.text("name", request.name(), Inputs.NAME_LENGTH),
                projectId == null ? null : Inputs.text("project_id", projectId, Inputs.PROJECT_LENGTH),
                Boolean.TRUE.equals(request.shared()),
                Boolean.TRUE.equals(request.routerExternal()),
                !Boolean.FALSE.equals(request.adminStateUp()),
                ACTIVE,
                mtu,
                Inputs.text("description", request.description(), Inputs.NAME_LENGTH),
                now,
                now));
        return network.toContract(List.of());
    }

    /** Deletes the network and its subnets; refused while any port remains on it, as Neutron does. */
    @Transactional
    public void delete(Scope scope, String networkId) {
        NetworkEntity network = visible(scope, networkId);
        if (!scope.owns(network.projectId())) {
            throw PolicyNotAuthorizedException.rule("delete_network");
        }
        if (ports.existsByNetworkId(network.id())) {
            throw NetworkInUseException.of(network.id());
        }
        List<SubnetEntity> owned = subnets.findByNetworkIdOrderByCreatedAtAscIdAsc(network.id());
        try {
            subnets.deleteAll(owned);
            networks.delete(network);
        } catch (DataIntegrityViolationException e) {
            // A port was created on the network between the check above and the delete.
            throw NetworkInUseException.of(network.id());
        }
        owned.forEach(s -> allocator.forget(s.id()));
    }

    /** The network with that id if the caller may see it; a network it may not see does not exist for it. */
    public NetworkEntity visible(Scope scope, String networkId) {
        if (networkId == null || networkId.isBlank()) {
            throw NetworkNotFoundException.of(String.valueOf(networkId));
        }
        return networks.findById(networkId)
                .filter(n -> scope.canSeeNetwork(n.projectId(), n.shared(), n.routerExternal()))
                .orElseThrow(() -> NetworkNotFoundException.of(networkId));
    }

    public boolean isVisible(Scope scope, String networkId) {
        return scope.admin()
                || networks.findById(networkId)
                        .filter(n -> scope.canSeeNetwork(n.projectId(), n.shared(), n.routerExternal()))
                        .isPresent();
    }

    /** A network by id or, failing that, by a name only one visible network has (as Nova accepts in a request). */
    public NetworkEntity resolve(Scope scope, String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw NetworkNotFoundException.of(String.valueOf(idOrName));
        }
        var byId = networks.findById(idOrName)
                .filter(n -> scope.canSeeNetwork(n.projectId(), n.shared(), n.routerExternal()));
        if (byId.isPresent()) {
            return byId.get();
        }
        List<NetworkEntity> named = networks.findByName(idOrName).stream()
                .filter(n -> scope.canSeeNetwork(n.projectId(), n.shared(), n.routerExternal()))
                .toList();
        if (named.size() > 1) {
            throw NetworkAmbiguousException.named(idOrName);
        }
        if (named.isEmpty()) {
            throw NetworkNotFoundException.of(idOrName);
        }
        return named.get(0);
    }

    private List<String> subnetIdsOf(String networkId) {
        return jdbc.sql("SELECT id FROM subnets WHERE network_id = ? ORDER BY created_at, id")
                .param(networkId)
                .query(String.class)
                .list();
    }

    private Map<String, List<String>> subnetIdsByNetwork() {
        Map<String, List<String>> byNetwork = new HashMap<>();
        jdbc.sql("SELECT network_id, id FROM subnets ORDER BY created_at, id").query(rs -> {
            byNetwork.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return byNetwork;
    }
}
