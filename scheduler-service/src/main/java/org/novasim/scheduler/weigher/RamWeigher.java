package org.novasim.scheduler.weigher;

import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.host.HostState;

/** More free RAM weighs more: spreads instances (a negative multiplier stacks them). */
public record RamWeigher(double multiplier) implements HostWeigher {

    @Override
    public double rawWeight(HostState host, RequestSpec spec) {
        return host.freeMemoryMb();
    }
}
