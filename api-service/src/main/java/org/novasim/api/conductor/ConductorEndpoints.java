package org.novasim.api.conductor;

import java.util.List;
import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.springframework.stereotype.Component;

/**
 * The conductor's door: the shared {@code conductor} queue, which several api-service processes share. Builds go
 * to the {@link BuildConductor}, state changes to the {@link InstanceStateWriter}, a restarted host's questions to
 * the {@link HostInventory}.
 */
@Component
class ConductorEndpoints implements RpcEndpoints {

    private final BuildConductor builds;
    private final InstanceStateWriter states;
    private final HostInventory hosts;
    private final ConductorProperties properties;

    ConductorEndpoints(
            BuildConductor builds, InstanceStateWriter states, HostInventory hosts, ConductorProperties properties) {
        this.builds = builds;
        this.states = states;
        this.hosts = hosts;
        this.properties = properties;
    }

    @Override
    public List<Served> endpoints() {
        return List.of(new Served(
                RpcEndpoint.builder(ConductorApi.TOPIC, ConductorApi.VERSION)
                        .on(ConductorApi.SCHEDULE_AND_BUILD_INSTANCES, (context, request) -> {
                            builds.scheduleAndBuild(context, request);
                            return null;
                        })
                        .on(ConductorApi.RESCHEDULE_INSTANCE, (context, request) -> {
                            builds.reschedule(context, request);
                            return null;
                        })
                        .on(ConductorApi.INSTANCE_UPDATE, (context, update) -> {
                            states.update(context, update);
                            return null;
                        })
                        .on(ConductorApi.INSTANCE_DESTROYED, (context, destroyed) -> {
                            states.destroyed(context, destroyed);
                            return null;
                        })
                        .on(ConductorApi.INSTANCES_ON_HOSTS, (context, request) -> hosts.onHosts(request))
                        .build(),
                QueueSpec.shared(ConductorApi.TOPIC, properties.consumers(), 4)));
    }
}
