package org.novasim.common.conductor;

import java.util.List;

public record HostedInstances(List<HostedInstance> instances) {

    public HostedInstances {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
