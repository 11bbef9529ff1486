package org.novasim.api.server;

import org.novasim.api.instance.Instance;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceRecord;
import org.springframework.stereotype.Component;

/**
 * The availability zone a server shows: the one it was created in, else its host's once it has one (Nova's API
 * looks the host's zone up the same way for servers created without one), else none yet.
 */
@Component
class ServerZones {

    private final ServiceDirectory services;

    ServerZones(ServiceDirectory services) {
        this.services = services;
    }

    String of(Instance instance) {
        if (instance.availabilityZone() != null) {
            return instance.availabilityZone();
        }
        if (instance.host() == null) {
            return "";
        }
        return services.compute(instance.host()).map(ServiceRecord::zone).orElse("");
    }
}
