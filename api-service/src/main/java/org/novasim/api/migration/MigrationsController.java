package org.novasim.api.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.service.LegacyTimestamps;
import org.novasim.api.web.ApiVersion;
import org.novasim.api.web.Links;
import org.novasim.api.web.Policy;
import org.novasim.common.rpc.RpcContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /compute/v2.1/os-migrations}: every move, newest first, for admins (Nova's os-migrations). */
@RestController
class MigrationsController {

    private final MigrationListing migrations;

    MigrationsController(MigrationListing migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/compute/v2.1/os-migrations")
    Map<String, Object> list(RpcContext context, ApiVersion version, @RequestParam Map<String, String> params) {
        Policy.requireAdmin(context, "os_compute_api:os-migrations:index");
        List<Map<String, Object>> views = migrations
                .list(new MigrationStore.Filter(
                        params.get("host"),
                        params.get("status"),
                        params.get("instance_uuid"),
                        params.get("migration_type")))
                .stream()
                .map(migration -> view(migration, version))
                .toList();
        return Map.of("migrations", views);
    }

    /** Nova's view: the hosts, the flavors' ids, the status; from 2.23 the type and links, from 2.59 the uuid. */
    static Map<String, Object> view(Migration migration, ApiVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", migration.id());
        view.put("instance_uuid", migration.instanceUuid());
        view.put("source_compute", migration.sourceCompute());
        view.put("source_node", migration.sourceCompute());
        view.put("dest_compute", migration.destCompute());
        view.put("dest_node", migration.destCompute());
        view.put("dest_host", "127.0.0.1");
        view.put("old_instance_type_id", flavorId(migration.oldFlavor().id()));
        view.put("new_instance_type_id", flavorId(migration.newFlavor().id()));
        view.put("status", migration.status());
        view.put("created_at", LegacyTimestamps.of(migration.createdAt()));
        view.put("updated_at", LegacyTimestamps.of(migration.updatedAt()));
        if (version.atLeast(2, 23)) {
            view.put("migration_type", migration.migrationType());
            view.put(
                    "links",
                    Links.compute(
                            "servers/" + migration.instanceUuid() + "/migrations", Long.toString(migration.id())));
        }
        if (version.atLeast(2, 59)) {
            view.put("uuid", migration.uuid());
            view.put("project_id", migration.projectId());
            view.put("user_id", migration.userId());
        }
        return view;
    }

    /** Nova shows the flavors' database ids, integers; novasim's ids are those integers where they are digits. */
    private static Object flavorId(String id) {
        return id.matches("\\d{1,9}") ? Integer.parseInt(id) : id;
    }
}
