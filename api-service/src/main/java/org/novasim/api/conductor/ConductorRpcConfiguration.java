package org.novasim.api.conductor;

import org.novasim.common.conductor.ConductorApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The conductor consumes the shared {@code conductor} queue. Builds wait on the scheduler's answer, so the
 * queue has enough consumers for many at once; several api-service processes share the work.
 */
@Configuration(proxyBeanMethods = false)
class ConductorRpcConfiguration {

    ConductorRpcConfiguration(
            RpcServer server,
            BuildConductor builds,
            InstanceStateWriter states,
            HostInventory hosts,
            @Value("${novasim.conductor.consumers:16}") int consumers) {
        server.serve(
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
                QueueSpec.shared(ConductorApi.TOPIC, consumers, 4));
    }
}
