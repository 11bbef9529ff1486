package org.novasim.common.network;

/** How many ports were released. */
public record Deallocated(int ports) {}
