package org.novasim.common.compute;

import org.novasim.common.instance.InstanceInfo;

/**
 * Bring a shelved instance back on {@code host} (Nova's unshelve_instance): a shelved one still there is powered
 * on, an offloaded one is claimed and spawned on the host the scheduler chose. Task state unshelving.
 */
public record UnshelveInstance(String host, InstanceInfo instance) {}
