package org.novasim.common.conductor;

import java.time.Duration;
import java.util.List;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.scheduler.RequestSpec;

/** Typed client of the conductor (Nova's ComputeTaskAPI and the conductor side of instance.save()). */
public class ConductorClient {

    private final RpcClient rpc;

    public ConductorClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    public void scheduleAndBuildInstances(
            RpcContext context, RequestSpec spec, List<InstanceInfo> instances, List<RequestedNetwork> networks) {
        rpc.cast(context, ConductorApi.SCHEDULE_AND_BUILD_INSTANCES, new ScheduleAndBuild(spec, instances, networks));
    }

    /**
     * Hands new instances to the conductor, waiting at most {@code within} for a broker that is away; raises
     * {@link org.novasim.common.rpc.BrokerUnavailableException} after that.
     */
    public void scheduleAndBuildInstances(
            RpcContext context,
            RequestSpec spec,
            List<InstanceInfo> instances,
            List<RequestedNetwork> networks,
            Duration within) {
        rpc.cast(
                context,
                ConductorApi.SCHEDULE_AND_BUILD_INSTANCES,
                null,
                new ScheduleAndBuild(spec, instances, networks),
                within);
    }

    /**
     * Applies a state change; raises {@link InstanceNotFoundException} or {@link UnexpectedTaskStateException}
     * when the instance was deleted or changed by someone else meanwhile.
     */
    public void instanceUpdate(RpcContext context, InstanceUpdate update) {
        rpc.call(context, ConductorApi.INSTANCE_UPDATE, stateQueue(), update);
    }

    /**
     * Where the hosts' reports go: the conductor's queue for them (1.4), or its one queue for a process capped
     * below that, whose conductor may not have the other yet.
     */
    private String stateQueue() {
        return rpc.speaks(ConductorApi.TOPIC, ConductorApi.STATE_QUEUE_SINCE) ? ConductorApi.STATE : null;
    }

    public void rescheduleInstance(
            RpcContext context,
            BuildInstance build,
            String failedHost,
            String reason,
            boolean retryable,
            List<ActionEvent> events) {
        rpc.cast(
                context,
                ConductorApi.RESCHEDULE_INSTANCE,
                new RescheduleInstance(build, failedHost, reason, retryable, events));
    }

    /** The host had no room for the instance after all: it never ran there. */
    public void rescheduleAfterClaimRefused(
            RpcContext context, BuildInstance build, String host, String reason, List<ActionEvent> events) {
        rpc.cast(
                context,
                ConductorApi.RESCHEDULE_INSTANCE,
                new RescheduleInstance(build, host, reason, true, events, true));
    }

    /** The instances the database places on the hosts, in any state but deleted. */
    public List<HostedInstance> instancesOnHosts(RpcContext context, List<String> hosts) {
        return rpc.call(context, ConductorApi.INSTANCES_ON_HOSTS, stateQueue(), new InstancesOnHosts(hosts))
                .instances();
    }

    public void migrateServer(RpcContext context, MigrateServer request) {
        rpc.cast(context, ConductorApi.MIGRATE_SERVER, request);
    }

    public void unshelveInstance(RpcContext context, UnshelveServer request) {
        rpc.cast(context, ConductorApi.UNSHELVE_INSTANCE, request);
    }

    public void imageUploaded(RpcContext context, ImageUploaded uploaded) {
        rpc.cast(context, ConductorApi.IMAGE_UPLOADED, stateQueue(), uploaded);
    }

    public void instanceDestroyed(RpcContext context, String instanceUuid, String host, List<ActionEvent> events) {
        rpc.cast(
                context,
                ConductorApi.INSTANCE_DESTROYED,
                stateQueue(),
                new InstanceDestroyed(instanceUuid, host, events));
    }
}
