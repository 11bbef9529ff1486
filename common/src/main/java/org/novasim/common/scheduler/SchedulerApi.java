package org.novasim.common.scheduler;

import org.novasim.common.rpc.RpcMethod;
import org.novasim.common.rpc.RpcVersion;

/** The scheduler's contract (Nova's scheduler/rpcapi.py). Version history: 1.0 select_destinations. */
public final class SchedulerApi {

    public static final String TOPIC = "scheduler";
    public static final RpcVersion VERSION = new RpcVersion(1, 0);

    public static final RpcMethod<SelectDestinations, Selections> SELECT_DESTINATIONS =
            RpcMethod.call(TOPIC, "select_destinations", "1.0", SelectDestinations.class, Selections.class);

    private SchedulerApi() {
    }
}
