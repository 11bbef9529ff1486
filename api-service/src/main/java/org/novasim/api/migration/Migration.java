package org.novasim.api.migration;

import java.time.Instant;
import org.novasim.common.compute.MigrationInfo;
import org.novasim.common.instance.FlavorSpec;

/** A move of an instance between hosts, as os-migrations shows it (Nova's migrations table). */
public record Migration(
        long id,
        String uuid,
        String instanceUuid,
        String projectId,
        String userId,
        String migrationType,
        String status,
        String sourceCompute,
        String destCompute,
        FlavorSpec oldFlavor,
        FlavorSpec newFlavor,
        boolean powerOn,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PRE_MIGRATING = "pre-migrating";
    public static final String FINISHED = "finished";
    public static final String CONFIRMING = "confirming";
    public static final String REVERTING = "reverting";
    public static final String ERROR = "error";

    /** What the hosts are told of it. */
    public MigrationInfo info() {
        return new MigrationInfo(id, migrationType, sourceCompute, destCompute, oldFlavor, newFlavor);
    }
}
