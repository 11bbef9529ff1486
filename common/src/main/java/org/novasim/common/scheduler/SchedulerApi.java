package org.novasim.common.scheduler;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/**
 * The scheduler's contract (Nova's scheduler/rpcapi.py). Version history: 1.0 select_destinations.
 * 1.1 share_claims, a fanout among schedulers on {@code scheduler_fanout}.
 */
public final class SchedulerApi {

    public static final String TOPIC = "scheduler";
    public static final RpcVersion VERSION = new RpcVersion(1, 1);

    public static final RpcMethod<SelectDestinations, Selections> SELECT_DESTINATIONS =
            RpcMethod.call(TOPIC, "select_destinations", "1.0", SelectDestinations.class, Selections.class);
    public static final RpcMethod<SchedulerClaims, Void> SHARE_CLAIMS =
            RpcMethod.cast(TOPIC, "share_claims", "1.1", SchedulerClaims.class);

    private SchedulerApi() {}
}
