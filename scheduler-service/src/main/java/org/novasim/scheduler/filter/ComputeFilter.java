package org.novasim.scheduler.filter;

import java.time.Duration;
import org.novasim.scheduler.host.HostState;

/** Only hosts whose service is enabled and has reported within service_down_time. */
public final class ComputeFilter implements HostFilter {

    private final Duration serviceDownTime;

    public ComputeFilter(Duration serviceDownTime) {
        this.serviceDownTime = serviceDownTime;
    }

    @Override
    public boolean passes(HostState host, FilterRequest request) {
        return host.report().enabled() && host.isUp(request.now(), serviceDownTime);
    }
}
