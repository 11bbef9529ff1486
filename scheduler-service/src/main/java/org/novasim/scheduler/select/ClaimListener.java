package org.novasim.scheduler.select;

import java.util.List;
import org.novasim.common.scheduler.HostClaim;

/** Hears of the claims of each successful decision, to tell the other schedulers. */
@FunctionalInterface
public interface ClaimListener {

    ClaimListener NONE = claims -> {};

    void claimed(List<HostClaim> claims);
}
