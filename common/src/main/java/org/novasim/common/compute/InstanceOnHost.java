package org.novasim.common.compute;

/**
 * An action on an instance that needs nothing but where it is (pause, unpause, suspend, resume, unrescue); the
 * API has set the action's first task state.
 */
public record InstanceOnHost(String host, String instanceUuid) {}
