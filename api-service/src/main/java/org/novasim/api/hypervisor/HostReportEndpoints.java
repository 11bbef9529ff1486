package org.novasim.api.hypervisor;

import java.util.List;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.springframework.stereotype.Component;

/** The compute hosts' reports (usage, and heartbeats of nova-compute), on a private queue of this process. */
@Component
class HostReportEndpoints implements RpcEndpoints {

    private final ComputeNodes nodes;

    HostReportEndpoints(ComputeNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public List<Served> endpoints() {
        return List.of(new Served(
                RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                        .on(ComputeApi.REPORT_HOSTS, (context, reports) -> {
                            nodes.onReports(reports);
                            return null;
                        })
                        .build(),
                QueueSpec.fanout(ComputeApi.TOPIC, 1, 20)));
    }
}
