package org.novasim.api.service;

import java.util.List;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.service.ServiceApi;
import org.springframework.stereotype.Component;

/** The other services' heartbeats, on a private queue of this process: every API process hears every one. */
@Component
class HeartbeatEndpoints implements RpcEndpoints {

    private final ServiceDirectory directory;

    HeartbeatEndpoints(ServiceDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<Served> endpoints() {
        return List.of(new Served(
                RpcEndpoint.builder(ServiceApi.TOPIC, ServiceApi.VERSION)
                        .on(ServiceApi.SERVICE_HEARTBEAT, (context, beat) -> {
                            directory.heartbeat(beat);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ServiceApi.TOPIC, 1, 20)));
    }
}
