package org.novasim.common.compute;

import java.util.List;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.Selection;

/** Typed client of the compute hosts (Nova's ComputeAPI in compute/rpcapi.py). */
public class ComputeClient {

    private final RpcClient rpc;

    public ComputeClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** Casts the build to the host; raises UndeliverableException when no compute process serves that host. */
    public void buildAndRunInstance(
            RpcContext context,
            String host,
            InstanceInfo instance,
            RequestSpec spec,
            List<RequestedNetwork> networks,
            List<Selection> alternates,
            int attempt) {
        rpc.cast(
                context,
                ComputeApi.BUILD_AND_RUN_INSTANCE,
                host,
                new BuildInstance(host, instance, spec, networks, alternates, attempt));
    }

    public void terminateInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.TERMINATE_INSTANCE, host, new TerminateInstance(host, instanceUuid));
    }

    /** Casts the stop; raises UndeliverableException when no compute process serves that host. */
    public void stopInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.STOP_INSTANCE, host, new StopInstance(host, instanceUuid));
    }

    public void startInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.START_INSTANCE, host, new StartInstance(host, instanceUuid));
    }

    /** @param rebootType {@link RebootInstance#SOFT} or {@link RebootInstance#HARD} */
    public void rebootInstance(RpcContext context, String host, String instanceUuid, String rebootType) {
        rpc.cast(context, ComputeApi.REBOOT_INSTANCE, host, new RebootInstance(host, instanceUuid, rebootType));
    }

    public void setHostEnabled(RpcContext context, String host, boolean enabled) {
        rpc.cast(context, ComputeApi.SET_HOST_ENABLED, host, new SetHostEnabled(host, enabled));
    }

    /** Sends the hosts' reports to every scheduler and conductor. */
    public void reportHosts(RpcContext context, HostReports reports) {
        rpc.fanout(context, ComputeApi.REPORT_HOSTS, reports);
    }
}
