package org.novasim.common.conductor;

import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.scheduler.RequestSpec;

/**
 * Bring an offloaded instance back (Nova's conductor unshelve_instance): the scheduler picks a host again, which
 * claims and spawns it. The API has set task state unshelving.
 */
public record UnshelveServer(InstanceInfo instance, RequestSpec spec) {}
