package org.novasim.scheduler.weigher;

import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.host.HostState;

/**
 * Hosts whose recent builds failed weigh less, so a broken host stops attracting every new instance. The
 * configured multiplier is negated, as in Nova, so its large default (1,000,000) outweighs every other weigher.
 */
public final class BuildFailureWeigher implements HostWeigher {

    private final double multiplier;

    public BuildFailureWeigher(double configuredMultiplier) {
        this.multiplier = -configuredMultiplier;
    }

    @Override
    public double rawWeight(HostState host, RequestSpec spec) {
        return host.report().failedBuilds();
    }

    @Override
    public double multiplier() {
        return multiplier;
    }
}
