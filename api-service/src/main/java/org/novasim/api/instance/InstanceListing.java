package org.novasim.api.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists of instances a page at a time, newest first (Nova's default sort: created_at, then uuid, descending),
 * filtered and cut in the database: a list never loads more rows than it was asked for, however many instances
 * a project ever had.
 */
@Repository
public class InstanceListing {

    private final JdbcClient jdbc;
    private final InstanceStore store;

    public InstanceListing(JdbcClient jdbc, InstanceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The marker of a page: an instance the filter could list. */
    public Optional<Instance> marker(InstanceFilter filter, String uuid) {
        return store.find(uuid)
                .filter(instance -> filter.allProjects() || instance.projectId().equals(filter.projectId()))
                .filter(instance -> filter.includeDeleted() || !instance.isDeleted());
    }

    /** Up to {@code count} instances matching the filter that sort after {@code after} (from the first if null). */
    public List<Instance> after(InstanceFilter filter, Instance after, int count) {
        StringBuilder sql = new StringBuilder("SELECT " + InstanceStore.COLUMNS + " FROM instances WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filter.allProjects()) {
            where(sql, params, "project_id =", "project", filter.projectId());
        }
        if (!filter.includeDeleted()) {
            sql.append(" AND deleted_at IS NULL");
        }
        where(sql, params, "updated_at >=", "since", InstanceStore.time(filter.changedSince()));
        where(sql, params, "vm_state =", "vmState", filter.vmState());
        where(sql, params, "image_ref =", "image", filter.imageRef());
        where(sql, params, "flavor_id =", "flavor", filter.flavorId());
        where(sql, params, "host =", "host", filter.host());
        if (after != null) {
            sql.append(" AND (created_at < :markerCreated OR (created_at = :markerCreated AND uuid < :markerUuid))");
            params.put("markerCreated", InstanceStore.time(after.createdAt()));
            params.put("markerUuid", after.uuid());
        }
        sql.append(" ORDER BY created_at DESC, uuid DESC LIMIT :count");
        params.put("count", count);
        return jdbc.sql(sql.toString()).params(params).query(store::map).list();
    }

    private static void where(StringBuilder sql, Map<String, Object> params, String test, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(test).append(" :").append(name);
            params.put(name, value);
        }
    }
}
