package org.novasim.common.compute;

import java.util.List;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.Selection;

/**
 * Build this instance on the receiving host. Carries what a reschedule needs (the request spec and the
 * alternates not yet tried), as Nova's build_and_run_instance carries its host_list.
 *
 * @param host    the host the build is for (one compute process serves many)
 * @param attempt 1 for the first host, 2 for the first alternate ...
 */
public record BuildInstance(
        String host,
        InstanceInfo instance,
        RequestSpec spec,
        List<RequestedNetwork> networks,
        List<Selection> alternates,
        int attempt) {

    public BuildInstance {
        networks = networks == null ? List.of() : List.copyOf(networks);
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }
}
