package org.novasim.scheduler.filter;

import org.novasim.scheduler.host.HostState;

/**
 * Only hosts with enough free vCPU, RAM and disk for the flavor, after allocation ratios and reserved memory
 * (what Placement's allocation candidates, and before them Core/Ram/DiskFilter, decided).
 */
public final class ResourcesFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        return host.fits(request.spec().flavor());
    }
}
