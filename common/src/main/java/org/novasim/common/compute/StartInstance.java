package org.novasim.common.compute;

/** Power the instance on (Nova's start_instance); the API has set its task state to powering-on. */
public record StartInstance(String host, String instanceUuid) {}
