package org.novasim.scheduler.host;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts recently chosen for members of each server group, by this scheduler or another. The conductor tells the
 * scheduler where a group's members run from the database, which learns an instance's host only once its build
 * starts there; until then only the schedulers know. Remembering their choices for a while keeps two requests of
 * one anti-affinity group, scheduled a moment apart, off the same host (and those of an affinity group together).
 */
public final class GroupPlacements {

    private record Placement(String host, Instant at) {}

    private final Map<String, Map<String, Placement>> byGroup = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    public GroupPlacements(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    public void placed(String group, String instanceUuid, String host) {
        if (group != null) {
            byGroup.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
                    .put(instanceUuid, new Placement(host, clock.instant()));
        }
    }

    /** The request that placed it failed as a whole: the instance goes nowhere. */
    public void forget(String group, String instanceUuid) {
        if (group != null) {
            Map<String, Placement> members = byGroup.get(group);
            if (members != null) {
                members.remove(instanceUuid);
            }
        }
    }

    /** Hosts chosen for the group's members within the retention. */
    public Set<String> hostsOf(String group) {
        Map<String, Placement> members = group == null ? null : byGroup.get(group);
        if (members == null) {
            return Set.of();
        }
        Instant oldest = clock.instant().minus(retention);
        Set<String> hosts = new HashSet<>();
        members.values().removeIf(placement -> placement.at().isBefore(oldest));
        members.values().forEach(placement -> hosts.add(placement.host()));
        if (members.isEmpty()) {
            byGroup.remove(group, members);
        }
        return hosts;
    }
}
