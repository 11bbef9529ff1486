package org.novasim.common.conductor;

import java.util.List;

/** A compute process that (re)started asks which instances the database places on its hosts. */
public record InstancesOnHosts(List<String> hosts) {

    public InstancesOnHosts {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
