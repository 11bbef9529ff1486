package org.novasim.common.compute;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The compute hosts' contract (Nova's compute/rpcapi.py). Casts go to one host, routing key {@code compute.<host>};
 * host reports go out as a fanout on {@code compute_fanout} to every scheduler and conductor.
 * Version history: 1.0 build_and_run_instance, terminate_instance, report_hosts.
 * 1.1 stop_instance, start_instance, reboot_instance, set_host_enabled; host reports carry current workload,
 * host IP and settled instances.
 */
public final class ComputeApi {

    public static final String TOPIC = "compute";
    public static final RpcVersion VERSION = new RpcVersion(1, 1);

    public static final RpcMethod<BuildInstance, Void> BUILD_AND_RUN_INSTANCE =
            RpcMethod.cast(TOPIC, "build_and_run_instance", "1.0", BuildInstance.class);
    public static final RpcMethod<TerminateInstance, Void> TERMINATE_INSTANCE =
            RpcMethod.cast(TOPIC, "terminate_instance", "1.0", TerminateInstance.class);
    public static final RpcMethod<HostReports, Void> REPORT_HOSTS =
            RpcMethod.cast(TOPIC, "report_hosts", "1.0", HostReports.class);
    public static final RpcMethod<StopInstance, Void> STOP_INSTANCE =
            RpcMethod.cast(TOPIC, "stop_instance", "1.1", StopInstance.class);
    public static final RpcMethod<StartInstance, Void> START_INSTANCE =
            RpcMethod.cast(TOPIC, "start_instance", "1.1", StartInstance.class);
    public static final RpcMethod<RebootInstance, Void> REBOOT_INSTANCE =
            RpcMethod.cast(TOPIC, "reboot_instance", "1.1", RebootInstance.class);
    public static final RpcMethod<SetHostEnabled, Void> SET_HOST_ENABLED =
            RpcMethod.cast(TOPIC, "set_host_enabled", "1.1", SetHostEnabled.class);

    private ComputeApi() {}
}
