package org.novasim.common.compute;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The compute hosts' contract (Nova's compute/rpcapi.py). Casts go to one host, routing key {@code compute.<host>};
 * host reports go out as a fanout on {@code compute_fanout} to every scheduler and conductor.
 * Version history: 1.0 build_and_run_instance, terminate_instance, report_hosts.
 * 1.1 stop_instance, start_instance, reboot_instance, set_host_enabled; host reports carry current workload,
 * host IP and settled instances.
 * 1.2 the rest of Nova's instance actions: pause, unpause, suspend, resume, rescue, unrescue, set_admin_password,
 * get_console_output (a call), snapshot, rebuild, shelve, shelve_offload, unshelve, and the steps of a resize or
 * cold migration (prep_resize, resize_instance, finish_resize, confirm_resize, revert_resize, finish_revert_resize).
 */
public final class ComputeApi {

    public static final String TOPIC = "compute";
    public static final RpcVersion VERSION = new RpcVersion(1, 2);

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

    public static final RpcMethod<InstanceOnHost, Void> PAUSE_INSTANCE =
            RpcMethod.cast(TOPIC, "pause_instance", "1.2", InstanceOnHost.class);
    public static final RpcMethod<InstanceOnHost, Void> UNPAUSE_INSTANCE =
            RpcMethod.cast(TOPIC, "unpause_instance", "1.2", InstanceOnHost.class);
    public static final RpcMethod<InstanceOnHost, Void> SUSPEND_INSTANCE =
            RpcMethod.cast(TOPIC, "suspend_instance", "1.2", InstanceOnHost.class);
    public static final RpcMethod<InstanceOnHost, Void> RESUME_INSTANCE =
            RpcMethod.cast(TOPIC, "resume_instance", "1.2", InstanceOnHost.class);
    public static final RpcMethod<RescueInstance, Void> RESCUE_INSTANCE =
            RpcMethod.cast(TOPIC, "rescue_instance", "1.2", RescueInstance.class);
    public static final RpcMethod<InstanceOnHost, Void> UNRESCUE_INSTANCE =
            RpcMethod.cast(TOPIC, "unrescue_instance", "1.2", InstanceOnHost.class);
    public static final RpcMethod<SetAdminPassword, Void> SET_ADMIN_PASSWORD =
            RpcMethod.cast(TOPIC, "set_admin_password", "1.2", SetAdminPassword.class);
    public static final RpcMethod<SnapshotInstance, Void> SNAPSHOT_INSTANCE =
            RpcMethod.cast(TOPIC, "snapshot_instance", "1.2", SnapshotInstance.class);
    public static final RpcMethod<RebuildInstance, Void> REBUILD_INSTANCE =
            RpcMethod.cast(TOPIC, "rebuild_instance", "1.2", RebuildInstance.class);
    public static final RpcMethod<ShelveInstance, Void> SHELVE_INSTANCE =
            RpcMethod.cast(TOPIC, "shelve_instance", "1.2", ShelveInstance.class);
    public static final RpcMethod<ShelveInstance, Void> SHELVE_OFFLOAD_INSTANCE =
            RpcMethod.cast(TOPIC, "shelve_offload_instance", "1.2", ShelveInstance.class);
    public static final RpcMethod<UnshelveInstance, Void> UNSHELVE_INSTANCE =
            RpcMethod.cast(TOPIC, "unshelve_instance", "1.2", UnshelveInstance.class);
    public static final RpcMethod<MoveInstance, Void> PREP_RESIZE =
            RpcMethod.cast(TOPIC, "prep_resize", "1.2", MoveInstance.class);
    public static final RpcMethod<MoveInstance, Void> RESIZE_INSTANCE =
            RpcMethod.cast(TOPIC, "resize_instance", "1.2", MoveInstance.class);
    public static final RpcMethod<MoveInstance, Void> FINISH_RESIZE =
            RpcMethod.cast(TOPIC, "finish_resize", "1.2", MoveInstance.class);
    public static final RpcMethod<MoveInstance, Void> CONFIRM_RESIZE =
            RpcMethod.cast(TOPIC, "confirm_resize", "1.2", MoveInstance.class);
    public static final RpcMethod<MoveInstance, Void> REVERT_RESIZE =
            RpcMethod.cast(TOPIC, "revert_resize", "1.2", MoveInstance.class);
    public static final RpcMethod<MoveInstance, Void> FINISH_REVERT_RESIZE =
            RpcMethod.cast(TOPIC, "finish_revert_resize", "1.2", MoveInstance.class);
    /** A call: the API answers with the log. */
    public static final RpcMethod<GetConsoleOutput, ConsoleOutput> GET_CONSOLE_OUTPUT =
            RpcMethod.call(TOPIC, "get_console_output", "1.2", GetConsoleOutput.class, ConsoleOutput.class);

    private ComputeApi() {}
}
