package org.novasim.api.conductor;

import java.util.List;
import org.novasim.api.image.ImageSnapshots;
import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.springframework.stereotype.Component;

/**
 * The conductor's doors: the shared {@code conductor} queue for builds and moves, and {@code conductor_state} for
 * what hosts report, both shared by every api-service process. Builds go to the {@link BuildConductor}, state
 * changes to the {@link InstanceStateWriter}, a restarted host's questions to the {@link HostInventory}.
 */
@Component
class ConductorEndpoints implements RpcEndpoints {

    private final BuildConductor builds;
    private final InstanceStateWriter states;
    private final HostInventory hosts;
    private final ConductorProperties properties;
    private final MoveConductor moves;
    private final ImageSnapshots snapshots;

    ConductorEndpoints(
            BuildConductor builds,
            InstanceStateWriter states,
            HostInventory hosts,
            ConductorProperties properties,
            MoveConductor moves,
            ImageSnapshots snapshots) {
        this.moves = moves;
        this.snapshots = snapshots;
        this.builds = builds;
        this.states = states;
        this.hosts = hosts;
        this.properties = properties;
    }

    @Override
    public List<Served> endpoints() {
        RpcEndpoint endpoint = RpcEndpoint.builder(ConductorApi.TOPIC, ConductorApi.VERSION)
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
                .on(ConductorApi.MIGRATE_SERVER, (context, request) -> {
                    moves.migrate(context, request);
                    return null;
                })
                .on(ConductorApi.UNSHELVE_INSTANCE, (context, request) -> {
                    moves.unshelve(context, request);
                    return null;
                })
                .on(ConductorApi.IMAGE_UPLOADED, (context, uploaded) -> {
                    snapshots.uploaded(uploaded.imageId(), uploaded.sizeBytes(), uploaded.succeeded());
                    return null;
                })
                .build();
        // The hosts' reports on a queue of their own (1.4), so a build's next step never waits for a consumer that
        // waits for the scheduler; both queues take every method, for senders of either version.
        return List.of(
                new Served(endpoint, QueueSpec.shared(ConductorApi.TOPIC, properties.consumers(), 4)),
                new Served(
                        endpoint,
                        new QueueSpec(
                                ConductorApi.TOPIC + "_" + ConductorApi.STATE,
                                true,
                                false,
                                List.of(ConductorApi.TOPIC + "." + ConductorApi.STATE),
                                properties.stateConsumers(),
                                16)));
    }
}
