package org.novasim.scheduler.filter;

import org.novasim.scheduler.host.HostState;

/** Only hosts in the requested availability zone, when one was requested. */
public final class AvailabilityZoneFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        String wanted = request.spec().availabilityZone();
        return wanted == null || wanted.isEmpty() || wanted.equals(host.report().availabilityZone());
    }
}
