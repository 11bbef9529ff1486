package org.novasim.api.conductor;

import org.novasim.api.instance.InstanceStore;
import org.novasim.common.conductor.HostedInstance;
import org.novasim.common.conductor.HostedInstances;
import org.novasim.common.conductor.InstancesOnHosts;
import org.springframework.stereotype.Component;

/**
 * What the database places on hosts, for a compute process that restarted and lost what it held in memory (as
 * Nova's compute reads its instances from the database in init_host).
 */
@Component
class HostInventory {

    private final InstanceStore instances;

    HostInventory(InstanceStore instances) {
        this.instances = instances;
    }

    HostedInstances onHosts(InstancesOnHosts request) {
        return new HostedInstances(instances.liveOnHosts(request.hosts()).stream()
                .map(i ->
                        new HostedInstance(i.uuid(), i.host(), i.flavor(), i.vmState(), i.taskState(), i.powerState()))
                .toList());
    }
}
