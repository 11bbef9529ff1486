package org.novasim.common.network;

/** Release every port (and so every address) of the instance. Idempotent. */
public record DeallocateForInstance(String instanceUuid) {}
