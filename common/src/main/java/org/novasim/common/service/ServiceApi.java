package org.novasim.common.service;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * What every service tells the API about itself, and what the API or a scheduler can ask of every service.
 * Heartbeats go out as a fanout on {@code service_fanout}; compute hosts have none of their own, their host
 * reports are their heartbeats. A report request goes out as a fanout on {@code service_request_fanout}, which
 * every process consumes: compute processes answer with a full host report, the others with a heartbeat. A
 * scheduler or API that just started thus knows the cloud in well under a second instead of a report interval.
 * Version history: 1.0 service_heartbeat, report_state.
 */
public final class ServiceApi {

    public static final String TOPIC = "service";
    public static final String REQUEST_TOPIC = "service_request";
    public static final RpcVersion VERSION = new RpcVersion(1, 0);

    public static final RpcMethod<ServiceHeartbeat, Void> SERVICE_HEARTBEAT =
            RpcMethod.cast(TOPIC, "service_heartbeat", "1.0", ServiceHeartbeat.class);
    public static final RpcMethod<ReportState, Void> REPORT_STATE =
            RpcMethod.cast(REQUEST_TOPIC, "report_state", "1.0", ReportState.class);

    /** Binary names as Nova's os-services shows them. */
    public static final String NOVA_COMPUTE = "nova-compute";

    public static final String NOVA_SCHEDULER = "nova-scheduler";
    public static final String NOVA_CONDUCTOR = "nova-conductor";
    /** The network service; Nova listed its own network service under this name before Neutron took over. */
    public static final String NOVA_NETWORK = "nova-network";

    private ServiceApi() {}
}
