package org.novasim.scheduler.filter;

import org.novasim.scheduler.host.HostState;

/** Decides whether a host may take the instance at all (Nova's BaseHostFilter). */
public interface HostFilter {

    boolean passes(HostState host, FilterRequest request);
}
