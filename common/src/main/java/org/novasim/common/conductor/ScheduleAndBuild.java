package org.novasim.common.conductor;

import java.util.List;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.scheduler.RequestSpec;

/** Schedule these just-created instances (one API request) and cast their builds. */
public record ScheduleAndBuild(RequestSpec spec, List<InstanceInfo> instances, List<RequestedNetwork> networks) {

    public ScheduleAndBuild {
        instances = List.copyOf(instances);
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
