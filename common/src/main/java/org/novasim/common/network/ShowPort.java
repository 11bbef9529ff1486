package org.novasim.common.network;

/** Show one port by id. */
public record ShowPort(String portId) {}
