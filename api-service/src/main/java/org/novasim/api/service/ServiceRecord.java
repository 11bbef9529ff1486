package org.novasim.api.service;

import java.time.Instant;

/**
 * A service as the database keeps it: who it is and what an operator decided about it. Whether it is up is not
 * here; that comes from heartbeats, in memory.
 *
 * @param binary {@code nova-compute}, {@code nova-scheduler}, {@code nova-conductor}, {@code nova-network}
 * @param zone   the availability zone of a compute host; {@code internal} for the other services
 */
public record ServiceRecord(
        long id,
        String uuid,
        String host,
        String binary,
        String topic,
        String zone,
        boolean disabled,
        String disabledReason,
        boolean forcedDown,
        Instant createdAt,
        Instant updatedAt) {

    public ServiceKey key() {
        return new ServiceKey(host, binary);
    }

    ServiceRecord withDisabled(boolean disabled, String reason, Instant now) {
        return new ServiceRecord(id, uuid, host, binary, topic, zone, disabled, reason, forcedDown, createdAt, now);
    }

    ServiceRecord withForcedDown(boolean forced, Instant now) {
        return new ServiceRecord(id, uuid, host, binary, topic, zone, disabled, disabledReason, forced, createdAt, now);
    }

    /** Whether schedulers may place instances on the host: an operator neither disabled nor forced it down. */
    public boolean placeable() {
        return !disabled && !forcedDown;
    }

    ServiceRecord withZone(String newZone, Instant now) {
        return new ServiceRecord(
                id, uuid, host, binary, topic, newZone, disabled, disabledReason, forcedDown, createdAt, now);
    }
}
