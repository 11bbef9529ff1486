package org.novasim.scheduler.rpc;

import java.util.List;
import java.util.UUID;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.HostClaim;
import org.novasim.common.scheduler.SchedulerClaims;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.select.ClaimListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares claims among scheduler processes: each decision's claims go out on the scheduler fanout, and the
 * claims of the others are counted here as if made here. Two schedulers deciding within the same millisecond can
 * still both hand out a host's last room; the host's own claim then refuses one and the conductor reschedules it,
 * which is the final word Nova relies on too.
 */
public final class ClaimExchange implements ClaimListener {

    private static final Logger log = LoggerFactory.getLogger(ClaimExchange.class);

    private final String schedulerId = UUID.randomUUID().toString();
    private final SchedulerClient schedulers;
    private final HostStateCache hosts;
    private final GroupPlacements groups;

    public ClaimExchange(SchedulerClient schedulers, HostStateCache hosts, GroupPlacements groups) {
        this.schedulers = schedulers;
        this.hosts = hosts;
        this.groups = groups;
    }

    @Override
    public void claimed(List<HostClaim> claims) {
        try {
            schedulers.shareClaims(RpcContext.system(), new SchedulerClaims(schedulerId, claims));
        } catch (RuntimeException e) {
            // The hosts' reports still bring the claims to the others, only later.
            log.warn("could not share claims with the other schedulers: {}", e.toString());
        }
    }

    void onClaimsElsewhere(SchedulerClaims claims) {
        if (schedulerId.equals(claims.scheduler())) {
            return;
        }
        hosts.onClaimsElsewhere(claims.claims());
        for (HostClaim claim : claims.claims()) {
            groups.placed(claim.serverGroup(), claim.instanceUuid(), claim.host());
        }
    }
}
