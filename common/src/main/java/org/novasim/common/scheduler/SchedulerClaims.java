package org.novasim.common.scheduler;

import java.util.List;

/**
 * The claims one scheduler made for one select_destinations, sent to every other scheduler so that several
 * scheduler processes do not hand out the same room.
 *
 * @param scheduler the sending scheduler's id, so it can ignore its own copy of the fanout
 */
public record SchedulerClaims(String scheduler, List<HostClaim> claims) {

    public SchedulerClaims {
        claims = List.copyOf(claims);
    }
}
