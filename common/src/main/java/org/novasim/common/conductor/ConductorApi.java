package org.novasim.common.conductor;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The conductor's contract (Nova's conductor/rpcapi.py). The conductor lives in api-service and is the only
 * writer of instance state: the API hands it new builds, compute hosts report every state change to it.
 * Version history: 1.0 schedule_and_build_instances, instance_update, reschedule_instance, instance_destroyed.
 * 1.1 reschedule_instance says whether the host refused the claim; instance_update may leave the vm and power
 * states as they are (null). 1.2 instances_on_hosts, for a compute process that restarts (Nova's init_host).
 * 1.3 migrate_server (resize and cold migration), unshelve_instance, image_uploaded; instance_update may change the
 * flavor, clear the host, move a migration on and record a fault. 1.4 the hosts' reports (instance_update,
 * instance_destroyed, instances_on_hosts, image_uploaded) go to a queue of their own, {@code conductor_state}
 * (routing key {@code conductor.state}), so that they never wait behind schedule_and_build_instances, whose
 * handlers wait for the scheduler; a conductor still takes them on {@code conductor} from older senders.
 */
public final class ConductorApi {

    public static final String TOPIC = "conductor";
    public static final RpcVersion VERSION = new RpcVersion(1, 4);
    /** The server part of the routing key of the hosts' reports from 1.4: {@code conductor.state}. */
    public static final String STATE = "state";
    /** The version from which the hosts' reports go to {@link #STATE}. */
    public static final RpcVersion STATE_QUEUE_SINCE = new RpcVersion(1, 4);

    public static final RpcMethod<ScheduleAndBuild, Void> SCHEDULE_AND_BUILD_INSTANCES =
            RpcMethod.cast(TOPIC, "schedule_and_build_instances", "1.0", ScheduleAndBuild.class);
    /**
     * A call, not a cast, as Nova's instance.save() through the conductor is: a build's updates are applied in
     * order, and the host learns at once when the instance was deleted under it.
     */
    public static final RpcMethod<InstanceUpdate, Void> INSTANCE_UPDATE =
            RpcMethod.call(TOPIC, "instance_update", "1.0", InstanceUpdate.class, Void.class);

    public static final RpcMethod<RescheduleInstance, Void> RESCHEDULE_INSTANCE =
            RpcMethod.cast(TOPIC, "reschedule_instance", "1.0", RescheduleInstance.class);
    public static final RpcMethod<InstanceDestroyed, Void> INSTANCE_DESTROYED =
            RpcMethod.cast(TOPIC, "instance_destroyed", "1.0", InstanceDestroyed.class);

    /** What the database places on the caller's hosts: a restarted compute process takes its claims back. */
    public static final RpcMethod<InstancesOnHosts, HostedInstances> INSTANCES_ON_HOSTS =
            RpcMethod.call(TOPIC, "instances_on_hosts", "1.2", InstancesOnHosts.class, HostedInstances.class);

    public static final RpcMethod<MigrateServer, Void> MIGRATE_SERVER =
            RpcMethod.cast(TOPIC, "migrate_server", "1.3", MigrateServer.class);
    public static final RpcMethod<UnshelveServer, Void> UNSHELVE_INSTANCE =
            RpcMethod.cast(TOPIC, "unshelve_instance", "1.3", UnshelveServer.class);
    public static final RpcMethod<ImageUploaded, Void> IMAGE_UPLOADED =
            RpcMethod.cast(TOPIC, "image_uploaded", "1.3", ImageUploaded.class);

    private ConductorApi() {}
}
