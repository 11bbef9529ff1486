package org.novasim.network.quota;

import java.util.Map;
import java.util.stream.Collectors;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.OverQuotaException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.QuotaSet;
import org.novasim.common.network.UpdateQuota;
import org.novasim.network.Inputs;
import org.novasim.network.NetworkProperties;
import org.novasim.network.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neutron's quotas for networks, subnets and ports, per project: the defaults ({@code novasim.network.quotas.*})
 * unless an admin set the project's own. A create that would pass its project's limit is refused with Neutron's
 * OverQuota, so no project can take the shared network's addresses from the others. The count is read in the
 * creating transaction, as Neutron's no-lock driver does: creates racing each other may pass it together.
 */
@Service
public class NetworkQuotas {

    /** What is counted, and the table it is counted in. */
    public enum Resource {
        NETWORK("network", "networks"),
        SUBNET("subnet", "subnets"),
        PORT("port", "ports");

        private final String key;
        private final String table;

        Resource(String key, String table) {
            this.key = key;
            this.table = table;
        }
    }

    private final JdbcClient jdbc;
    private final NetworkProperties.Quotas defaults;

    public NetworkQuotas(JdbcClient jdbc, NetworkProperties properties) {
        this.jdbc = jdbc;
        this.defaults = properties.quotas();
    }

    /** Refuses one more of the resource for the project when it already has its quota's worth. */
    public void checkOneMore(String projectId, Resource resource) {
        if (projectId == null) {
            return;
        }
        int limit = limit(projectId, resource);
        if (limit < 0) {
            return;
        }
        long used = jdbc.sql("SELECT COUNT(*) FROM " + resource.table + " WHERE project_id = ?")
                .param(projectId)
                .query(Long.class)
                .single();
        if (used >= limit) {
            throw OverQuotaException.of(resource.key);
        }
    }

    @Transactional(readOnly = true)
    public QuotaSet show(Scope scope, String projectId) {
        String project = project(projectId);
        if (!scope.owns(project)) {
            throw PolicyNotAuthorizedException.rule("get_quota");
        }
        return of(project);
    }

    @Transactional
    public QuotaSet update(Scope scope, UpdateQuota request) {
        String project = project(request.projectId());
        if (!scope.admin()) {
            throw PolicyNotAuthorizedException.rule("update_quota");
        }
        set(project, Resource.NETWORK, request.network());
        set(project, Resource.SUBNET, request.subnet());
        set(project, Resource.PORT, request.port());
        return of(project);
    }

    @Transactional
    public void reset(Scope scope, String projectId) {
        String project = project(projectId);
        if (!scope.admin()) {
            throw PolicyNotAuthorizedException.rule("delete_quota");
        }
        jdbc.sql("DELETE FROM quotas WHERE project_id = ?").param(project).update();
    }

    private QuotaSet of(String projectId) {
        Map<String, Integer> own = own(projectId);
        return new QuotaSet(
                own.getOrDefault(Resource.NETWORK.key, defaults.network()),
                own.getOrDefault(Resource.SUBNET.key, defaults.subnet()),
                own.getOrDefault(Resource.PORT.key, defaults.port()));
    }

    private int limit(String projectId, Resource resource) {
        return jdbc.sql("SELECT hard_limit FROM quotas WHERE project_id = ? AND resource = ?")
                .param(projectId)
                .param(resource.key)
                .query(Integer.class)
                .optional()
                .orElseGet(() -> switch (resource) {
                    case NETWORK -> defaults.network();
                    case SUBNET -> defaults.subnet();
                    case PORT -> defaults.port();
                });
    }

    private Map<String, Integer> own(String projectId) {
        return jdbc
                .sql("SELECT resource, hard_limit FROM quotas WHERE project_id = ?")
                .param(projectId)
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void set(String projectId, Resource resource, Integer limit) {
        if (limit == null) {
            return;
        }
        if (limit < -1) {
            throw InvalidInputException.because("quota of " + resource.key + " must be -1 or more, not " + limit);
        }
        jdbc.sql("DELETE FROM quotas WHERE project_id = ? AND resource = ?")
                .param(projectId)
                .param(resource.key)
                .update();
        jdbc.sql("INSERT INTO quotas (project_id, resource, hard_limit) VALUES (?, ?, ?)")
                .param(projectId)
                .param(resource.key)
                .param(limit)
                .update();
    }

    private static String project(String projectId) {
        return Inputs.required("project_id", projectId, Inputs.PROJECT_LENGTH);
    }
}
