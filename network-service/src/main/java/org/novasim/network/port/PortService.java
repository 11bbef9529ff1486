package org.novasim.network.port;

import java.util.List;
import org.novasim.common.network.CreatePort;
import org.novasim.common.network.ListPorts;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.Port;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.network.Inputs;
import org.novasim.network.QueryFilters;
import org.novasim.network.Scope;
import org.novasim.network.network.NetworkService;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.PortEntity;
import org.novasim.network.store.PortRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ports for the REST API: list, show, create (to hand to a server later) and delete. A non-admin sees its own. */
@Service
public class PortService {

    private final PortRepository ports;
    private final NetworkService networks;
    private final PortLifecycle lifecycle;
    private final PortViews views;
    private final JdbcAggregateTemplate aggregates;

    public PortService(
            PortRepository ports,
            NetworkService networks,
            PortLifecycle lifecycle,
            PortViews views,
            JdbcAggregateTemplate aggregates) {
        this.ports = ports;
        this.networks = networks;
        this.lifecycle = lifecycle;
        this.views = views;
        this.aggregates = aggregates;
    }

    @Transactional(readOnly = true)
    public List<Port> list(Scope scope, ListPorts filters) {
        QueryFilters where = new QueryFilters()
                .equal("id", filters.id())
                .equal("name", filters.name())
                .equal("networkId", filters.networkId())
                // Neutron shows an unbound port's device_id as "", which is NULL here.
                .equal(
                        "deviceId",
                        filters.deviceId() == null || filters.deviceId().isEmpty() ? null : filters.deviceId())
                .equal("deviceOwner", filters.deviceOwner())
                .equal("projectId", filters.projectId())
                .equal("macAddress", filters.macAddress())
                .equal("status", filters.status());
        if (!scope.admin()) {
            where.equal("projectId", scope.projectId() == null ? "" : scope.projectId());
        }
        List<PortEntity> found =
                aggregates.findAll(Query.query(where.criteria()).sort(Sort.by("createdAt", "id")), PortEntity.class);
        if (filters.deviceId() != null && filters.deviceId().isEmpty()) {
            found = found.stream().filter(p -> p.deviceId() == null).toList();
        }
        return views.of(found);
    }

    @Transactional(readOnly = true)
    public Port show(Scope scope, String portId) {
        return views.of(visible(scope, portId));
    }

    @Transactional
    public Port create(Scope scope, CreatePort request) {
        NetworkEntity network = networks.visible(scope, request.networkId());
        String projectId = request.projectId() == null ? scope.projectId() : request.projectId();
        if (!scope.owns(projectId)) {
            throw PolicyNotAuthorizedException.rule("create_port:project_id");
        }
        PortEntity port = lifecycle.create(new NewPort(
                network,
                request.name(),
                projectId == null ? null : Inputs.text("project_id", projectId, Inputs.PROJECT_LENGTH),
                null,
                null,
                !Boolean.FALSE.equals(request.adminStateUp()),
                true,
                request.description(),
                request.fixedIps()));
        return views.of(port);
    }

    @Transactional
    public void delete(Scope scope, String portId) {
        lifecycle.delete(visible(scope, portId));
    }

    private PortEntity visible(Scope scope, String portId) {
        if (portId == null || portId.isBlank()) {
            throw PortNotFoundException.of(String.valueOf(portId));
        }
        return ports.findById(portId)
                .filter(p -> scope.owns(p.projectId()))
                .orElseThrow(() -> PortNotFoundException.of(portId));
    }
}
