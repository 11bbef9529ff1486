package org.novasim.network.subnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.ListSubnets;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.Subnet;
import org.novasim.common.network.SubnetInUseException;
import org.novasim.common.network.SubnetNotFoundException;
import org.novasim.network.Inputs;
import org.novasim.network.QueryFilters;
import org.novasim.network.Scope;
import org.novasim.network.Timestamps;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ipam.IpAllocator;
import org.novasim.network.network.NetworkService;
import org.novasim.network.quota.NetworkQuotas;
import org.novasim.network.store.FixedIpStore;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.SubnetEntity;
import org.novasim.network.store.SubnetRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subnets: list, show, create and delete. A caller sees the subnets of the networks it sees. */
@Service
public class SubnetService {

    private final SubnetRepository subnets;
    private final NetworkService networks;
    private final FixedIpStore fixedIps;
    private final JdbcAggregateTemplate aggregates;
    private final IpAllocator allocator;
    private final JdbcClient jdbc;
    private final NetworkQuotas quotas;

    public SubnetService(
            SubnetRepository subnets,
            NetworkService networks,
            FixedIpStore fixedIps,
            JdbcAggregateTemplate aggregates,
            IpAllocator allocator,
            JdbcClient jdbc,
            NetworkQuotas quotas) {
        this.subnets = subnets;
        this.networks = networks;
        this.fixedIps = fixedIps;
        this.aggregates = aggregates;
        this.allocator = allocator;
        this.jdbc = jdbc;
        this.quotas = quotas;
    }

    @Transactional(readOnly = true)
    public List<Subnet> list(Scope scope, ListSubnets filters) {
        QueryFilters where = new QueryFilters()
                .equal("id", filters.id())
                .equal("name", filters.name())
                .equal("networkId", filters.networkId())
                .equal("projectId", filters.projectId())
                .equal("ipVersion", filters.ipVersion())
                .equal("cidr", filters.cidr());
        List<SubnetEntity> found =
                aggregates.findAll(Query.query(where.criteria()).sort(Sort.by("createdAt", "id")), SubnetEntity.class);
        if (scope.admin()) {
            return found.stream().map(SubnetEntity::toContract).toList();
        }
        Map<String, Boolean> visibleNetworks = new HashMap<>();
        return found.stream()
                .filter(s -> visibleNetworks.computeIfAbsent(s.networkId(), id -> networks.isVisible(scope, id)))
                .map(SubnetEntity::toContract)
                .toList();
    }

    @Transactional(readOnly = true)
    public Subnet show(Scope scope, String subnetId) {
        return visible(scope, subnetId).toContract();
    }

    @Transactional
    public Subnet create(Scope scope, CreateSubnet request) {
        NetworkEntity network = networks.visible(scope, request.networkId());
        if (!scope.owns(network.projectId())) {
            throw PolicyNotAuthorizedException.rule("create_subnet");
        }
        String projectId = request.projectId() == null ? network.projectId() : request.projectId();
        if (!scope.admin()
                && request.projectId() != null
                && !request.projectId().equals(scope.projectId())) {
            throw PolicyNotAuthorizedException.rule("create_subnet:project_id");
        }
        // Two subnets created at once on one network must not both pass the overlap check: hold the network's row.
        jdbc.sql("SELECT id FROM networks WHERE id = ? FOR UPDATE")
                .param(network.id())
                .query(String.class)
                .list();
        List<Cidr> others = subnets.findByNetworkIdOrderByCreatedAtAscIdAsc(network.id()).stream()
                .map(s -> Cidr.parse(s.cidr()))
                .toList();
        quotas.checkOneMore(projectId, NetworkQuotas.Resource.SUBNET);
        SubnetPlan plan = SubnetPlanner.plan(request, network.id(), others);
        var now = Timestamps.now();
        SubnetEntity subnet = aggregates.insert(new SubnetEntity(
                UUID.randomUUID().toString(),
                network.id(),
                Inputs.text("name", request.name(), Inputs.NAME_LENGTH),
                projectId == null ? null : Inputs.text("project_id", projectId, Inputs.PROJECT_LENGTH),
                plan.cidr().version(),
                plan.cidr().toString(),
                plan.gateway() == null ? null : plan.gateway().toString(),
                !Boolean.FALSE.equals(request.enableDhcp()),
                Inputs.text("description", request.description(), Inputs.NAME_LENGTH),
                now,
                now,
                plan.pools().stream()
                        .map(p -> new SubnetEntity.PoolEntity(
                                p.first().toString(), p.last().toString()))
                        .toList()));
        return subnet.toContract();
    }

    /** Refused while any port holds an address of the subnet (Neutron's SubnetInUse). */
    @Transactional
    public void delete(Scope scope, String subnetId) {
        SubnetEntity subnet = visible(scope, subnetId);
        NetworkEntity network = networks.visible(scope, subnet.networkId());
        if (!scope.owns(subnet.projectId()) && !scope.owns(network.projectId())) {
            throw PolicyNotAuthorizedException.rule("delete_subnet");
        }
        if (fixedIps.subnetInUse(subnet.id())) {
            throw SubnetInUseException.of(subnet.id());
        }
        try {
            subnets.delete(subnet);
        } catch (DataIntegrityViolationException e) {
            // A port took an address between the check above and the delete.
            throw SubnetInUseException.of(subnet.id());
        }
        allocator.forget(subnet.id());
    }

    /** The network's subnets in the order automatic allocation tries them. */
    public List<SubnetEntity> ofNetwork(String networkId) {
        return subnets.findByNetworkIdOrderByCreatedAtAscIdAsc(networkId);
    }

    private SubnetEntity visible(Scope scope, String subnetId) {
        if (subnetId == null || subnetId.isBlank()) {
            throw SubnetNotFoundException.of(String.valueOf(subnetId));
        }
        return subnets.findById(subnetId)
                .filter(s -> networks.isVisible(scope, s.networkId()))
                .orElseThrow(() -> SubnetNotFoundException.of(subnetId));
    }
}
