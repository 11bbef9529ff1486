package org.novasim.common.conductor;

import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.scheduler.RequestSpec;

/**
 * Move the instance to another host (Nova's conductor migrate_server): a resize to {@code newFlavor}, or a cold
 * migration (same flavor). The API has set task state resize_prep; the conductor asks the scheduler for a host other
 * than the source, records the migration and hands over to the hosts.
 *
 * @param spec       what to schedule: the new flavor, the instance's zone and image
 * @param targetHost the host an admin asked for, or null to let the scheduler choose
 * @param powerOn    whether the guest was running (a stopped instance stays off on its new host)
 */
public record MigrateServer(
        InstanceInfo instance,
        String sourceHost,
        FlavorSpec newFlavor,
        RequestSpec spec,
        String migrationType,
        String targetHost,
        boolean powerOn) {}
