package org.novasim.common.scheduler;

import java.util.List;

/** Choose a host, and alternates, for each of the instances (all of one request are scheduled together). */
public record SelectDestinations(RequestSpec spec, List<String> instanceUuids, boolean returnAlternates) {

    public SelectDestinations {
        instanceUuids = List.copyOf(instanceUuids);
    }
}
