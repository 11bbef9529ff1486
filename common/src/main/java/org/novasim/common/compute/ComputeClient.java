package org.novasim.common.compute;

import java.util.List;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.RpcMethod;
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

    public void pauseInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.PAUSE_INSTANCE, host, new InstanceOnHost(host, instanceUuid));
    }

    public void unpauseInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.UNPAUSE_INSTANCE, host, new InstanceOnHost(host, instanceUuid));
    }

    public void suspendInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.SUSPEND_INSTANCE, host, new InstanceOnHost(host, instanceUuid));
    }

    public void resumeInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.RESUME_INSTANCE, host, new InstanceOnHost(host, instanceUuid));
    }

    public void rescueInstance(RpcContext context, String host, String instanceUuid, String rescueImageRef) {
        rpc.cast(context, ComputeApi.RESCUE_INSTANCE, host, new RescueInstance(host, instanceUuid, rescueImageRef));
    }

    public void unrescueInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.UNRESCUE_INSTANCE, host, new InstanceOnHost(host, instanceUuid));
    }

    public void setAdminPassword(RpcContext context, String host, String instanceUuid, String password) {
        rpc.cast(context, ComputeApi.SET_ADMIN_PASSWORD, host, new SetAdminPassword(host, instanceUuid, password));
    }

    /** The console log's last {@code length} lines (all of it for null). */
    public String getConsoleOutput(RpcContext context, String host, String instanceUuid, Integer length) {
        return rpc.call(context, ComputeApi.GET_CONSOLE_OUTPUT, host, new GetConsoleOutput(host, instanceUuid, length))
                .output();
    }

    public void snapshotInstance(RpcContext context, String host, String instanceUuid, String imageId) {
        rpc.cast(context, ComputeApi.SNAPSHOT_INSTANCE, host, new SnapshotInstance(host, instanceUuid, imageId));
    }

    public void rebuildInstance(RpcContext context, String host, InstanceInfo instance) {
        rpc.cast(context, ComputeApi.REBUILD_INSTANCE, host, new RebuildInstance(host, instance));
    }

    public void shelveInstance(
            RpcContext context, String host, String instanceUuid, String imageId, int offloadAfterSeconds) {
        rpc.cast(
                context,
                ComputeApi.SHELVE_INSTANCE,
                host,
                new ShelveInstance(host, instanceUuid, imageId, offloadAfterSeconds));
    }

    public void shelveOffloadInstance(RpcContext context, String host, String instanceUuid) {
        rpc.cast(context, ComputeApi.SHELVE_OFFLOAD_INSTANCE, host, new ShelveInstance(host, instanceUuid, null, 0));
    }

    public void unshelveInstance(RpcContext context, String host, InstanceInfo instance) {
        rpc.cast(context, ComputeApi.UNSHELVE_INSTANCE, host, new UnshelveInstance(host, instance));
    }

    /** One step of a resize or cold migration, to the host that does it ({@code move.host()}). */
    public void move(RpcContext context, RpcMethod<MoveInstance, Void> step, MoveInstance move) {
        rpc.cast(context, step, move.host(), move);
    }

    public void setHostEnabled(RpcContext context, String host, boolean enabled) {
        rpc.cast(context, ComputeApi.SET_HOST_ENABLED, host, new SetHostEnabled(host, enabled));
    }

    /** Sends the hosts' reports to every scheduler and conductor. */
    public void reportHosts(RpcContext context, HostReports reports) {
        rpc.fanout(context, ComputeApi.REPORT_HOSTS, reports);
    }
}
