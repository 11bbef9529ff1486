package org.novasim.scheduler.weigher;

import org.novasim.common.scheduler.RequestSpec;
import org.novasim.scheduler.host.HostState;

/** More free vCPUs weighs more. */
public record CpuWeigher(double multiplier) implements HostWeigher {

    @Override
    public double rawWeight(HostState host, RequestSpec spec) {
        return host.freeVcpus();
    }
}
