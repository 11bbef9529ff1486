package org.novasim.common.compute;

import org.novasim.common.instance.FlavorSpec;

/**
 * A move of an instance between hosts, as the conductor recorded it (Nova's Migration object).
 *
 * @param id            the migration's id in os-migrations
 * @param migrationType {@code resize}, {@code migration} (cold, same flavor) or {@code live-migration}
 */
public record MigrationInfo(
        long id, String migrationType, String sourceHost, String destHost, FlavorSpec oldFlavor, FlavorSpec newFlavor) {

    public static final String RESIZE = "resize";
    public static final String COLD = "migration";
    public static final String LIVE = "live-migration";
}
