package org.novasim.common.service;

import java.time.Instant;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;

/** Typed client of the service-wide fanouts: heartbeats and report requests. */
public class ServiceClient {

    private final RpcClient rpc;

    public ServiceClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    public void heartbeat(String binary, String host, String topic, Instant sentAt) {
        rpc.fanout(
                RpcContext.system(), ServiceApi.SERVICE_HEARTBEAT, new ServiceHeartbeat(binary, host, topic, sentAt));
    }

    /** Asks every process to report now; the answers arrive on the host report and heartbeat fanouts. */
    public void requestReports(String requester) {
        rpc.fanout(RpcContext.system(), ServiceApi.REPORT_STATE, new ReportState(requester));
    }
}
