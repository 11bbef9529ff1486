package org.novasim.common.scheduler;

import java.util.List;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;

/** Typed client of the scheduler (Nova's SchedulerAPI). */
public class SchedulerClient {

    private final RpcClient rpc;

    public SchedulerClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** Hosts for each instance, primary first; raises {@link NoValidHostException} when they do not all fit. */
    public Selections selectDestinations(
            RpcContext context, RequestSpec spec, List<String> instanceUuids, boolean returnAlternates) {
        return rpc.call(
                context,
                SchedulerApi.SELECT_DESTINATIONS,
                new SelectDestinations(spec, instanceUuids, returnAlternates));
    }

    /** Tells every scheduler (this one included, which ignores it) what this one just claimed. */
    public void shareClaims(RpcContext context, SchedulerClaims claims) {
        rpc.fanout(context, SchedulerApi.SHARE_CLAIMS, claims);
    }
}
