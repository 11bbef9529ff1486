package org.novasim.common.compute;

import org.novasim.common.instance.InstanceInfo;

/**
 * Rebuild the instance on its host from {@code instance.image()} (Nova's rebuild_instance): the guest is
 * destroyed and spawned again; the API has set task state rebuilding.
 */
public record RebuildInstance(String host, InstanceInfo instance) {}
