package org.novasim.scheduler.weigher;

import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.host.HostState;

/** More free disk weighs more. */
public record DiskWeigher(double multiplier) implements HostWeigher {

    @Override
    public double rawWeight(HostState host, RequestSpec spec) {
        return host.freeDiskGb();
    }
}
