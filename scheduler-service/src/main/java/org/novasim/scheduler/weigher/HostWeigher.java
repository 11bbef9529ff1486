package org.novasim.scheduler.weigher;

import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.host.HostState;

/**
 * Ranks hosts that passed the filters (Nova's BaseHostWeigher): raw weights are normalised to 0..1 across the
 * candidates, multiplied by {@link #multiplier()} and summed over all weighers; the highest total wins.
 */
public interface HostWeigher {

    double rawWeight(HostState host, RequestSpec spec);

    double multiplier();
}
