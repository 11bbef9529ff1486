package org.novasim.common.network;

/** Show one network by id; one the caller may not see is not found. */
public record ShowNetwork(String networkId) {}
