package org.novasim.api.quota;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.common.instance.FlavorSpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits and usage per project, and the check a create makes. Usage is counted from what exists (instances that
 * are not deleted, key pairs), as Nova's counting quota driver does, so there is nothing to drift or repair.
 */
@Service
public class QuotaService {

    /** Usage of the resources a server create consumes. */
    public record Usage(int instances, int cores, int ram) {}

    private final JdbcClient jdbc;
    private final QuotaProperties properties;

    public QuotaService(JdbcClient jdbc, QuotaProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public Map<String, Integer> defaults() {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        QuotaProperties.NOVA_DEFAULTS
                .keySet()
                .forEach(resource -> ordered.put(resource, properties.defaults().get(resource)));
        return ordered;
    }

    /** The project's limits: its own where an admin set them, the defaults elsewhere. */
    public Map<String, Integer> limits(String projectId) {
        Map<String, Integer> limits = defaults();
        jdbc.sql("SELECT resource, hard_limit FROM quota_limits WHERE project_id = :project")
                .param("project", projectId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(entry -> limits.put(entry.getKey(), entry.getValue()));
        return limits;
    }

    public Usage usage(String projectId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mb), 0) FROM instances "
                        + "WHERE project_id = :project AND deleted_at IS NULL")
                .param("project", projectId)
                .query((rs, n) -> new Usage(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    /**
     * How many servers of the flavor the project may still create, between min and max; 403 with Nova's "Quota
     * exceeded" message when not even min fit. Must run in the transaction that then stores the servers: it locks
     * the project's quota row, so concurrent creates of one project take turns and cannot overshoot together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reserveServers(String projectId, FlavorSpec flavor, int min, int max) {
        lock(projectId);
        Map<String, Integer> limits = limits(projectId);
        Usage used = usage(projectId);
        int allowed = max;
        allowed = Math.min(allowed, room(limits.get("instances"), used.instances(), 1));
        allowed = Math.min(allowed, room(limits.get("cores"), used.cores(), flavor.vcpus()));
        allowed = Math.min(allowed, room(limits.get("ram"), used.ram(), flavor.memoryMb()));
        if (allowed >= min) {
            return allowed;
        }
        List<String> overs = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        List<String> usedList = new ArrayList<>();
        List<String> limitList = new ArrayList<>();
        over(
                overs,
                requested,
                usedList,
                limitList,
                "cores",
                (long) min * flavor.vcpus(),
                used.cores(),
                limits.get("cores"));
        over(overs, requested, usedList, limitList, "instances", min, used.instances(), limits.get("instances"));
        over(
                overs,
                requested,
                usedList,
                limitList,
                "ram",
                (long) min * flavor.memoryMb(),
                used.ram(),
                limits.get("ram"));
        String names = String.join(", ", overs);
        throw ApiException.forbidden("Quota exceeded for " + names + ": Requested " + String.join(", ", requested)
                + ", but already used " + String.join(", ", usedList) + " of " + String.join(", ", limitList)
                + " " + names);
    }

    /**
     * A resize to a bigger flavor needs room for the difference (Nova's _check_quota_for_upsize): 403 with Nova's
     * "Quota exceeded" message when the project's cores or ram would go over.
     */
    public void checkUpsize(String projectId, int moreCores, int moreRam) {
        if (moreCores <= 0 && moreRam <= 0) {
            return;
        }
        Map<String, Integer> limits = limits(projectId);
        Usage used = usage(projectId);
        List<String> overs = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        List<String> usedList = new ArrayList<>();
        List<String> limitList = new ArrayList<>();
        over(overs, requested, usedList, limitList, "cores", Math.max(0, moreCores), used.cores(), limits.get("cores"));
        over(overs, requested, usedList, limitList, "ram", Math.max(0, moreRam), used.ram(), limits.get("ram"));
        if (!overs.isEmpty()) {
            String names = String.join(", ", overs);
            throw ApiException.forbidden("Quota exceeded for " + names + ": Requested "
                    + String.join(", ", requested) + ", but already used " + String.join(", ", usedList) + " of "
                    + String.join(", ", limitList) + " " + names);
        }
    }

    /** 403 when the user already has as many key pairs as the quota allows. */
    public void checkKeyPairs(String projectId, long owned) {
        int limit = limits(projectId).get("key_pairs");
        if (limit >= 0 && owned + 1 > limit) {
            throw ApiException.forbidden("Quota exceeded, too many key pairs.");
        }
    }

    /** Sets the project's own limits (admin); unknown resources and values below -1 are refused. */
    @Transactional
    public void setLimits(String projectId, Map<String, Integer> limits) {
        lock(projectId);
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            int updated = jdbc.sql("UPDATE quota_limits SET hard_limit = :limit WHERE project_id = :project "
                            + "AND resource = :resource")
                    .param("limit", limit.getValue())
                    .param("project", projectId)
                    .param("resource", limit.getKey())
                    .update();
            if (updated == 0) {
                jdbc.sql(
                                "INSERT INTO quota_limits (project_id, resource, hard_limit) VALUES (:project, :resource, :limit)")
                        .param("limit", limit.getValue())
                        .param("project", projectId)
                        .param("resource", limit.getKey())
                        .update();
            }
        }
    }

    /** Back to the defaults. */
    public void reset(String projectId) {
        jdbc.sql("DELETE FROM quota_limits WHERE project_id = :project")
                .param("project", projectId)
                .update();
    }

    private void lock(String projectId) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM quota_locks WHERE project_id = :project")
                .param("project", projectId)
                .query(Integer.class)
                .single();
        if (exists == 0) {
            try {
                jdbc.sql("INSERT INTO quota_locks (project_id) VALUES (:project)")
                        .param("project", projectId)
                        .update();
            } catch (DuplicateKeyException raced) {
                // Another create of the project made the row first; the lock below waits for it.
            }
        }
        jdbc.sql("SELECT project_id FROM quota_locks WHERE project_id = :project FOR UPDATE")
                .param("project", projectId)
                .query(String.class)
                .single();
    }

    private static int room(int limit, int used, int each) {
        if (limit < 0 || each == 0) {
            return Integer.MAX_VALUE;
        }
        return Math.max(0, (limit - used) / each);
    }

    private static void over(
            List<String> overs,
            List<String> requested,
            List<String> used,
            List<String> limits,
            String resource,
            long wanted,
            int inUse,
            int limit) {
        if (limit >= 0 && inUse + wanted > limit) {
            overs.add(resource);
            requested.add(Long.toString(wanted));
            used.add(Integer.toString(inUse));
            limits.add(Integer.toString(limit));
        }
    }
}
