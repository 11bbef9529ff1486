package org.novasim.common.compute;

/** Power the instance off (Nova's stop_instance); the API has set its task state to powering-off. */
public record StopInstance(String host, String instanceUuid) {}
