package org.novasim.common.network;

/** Delete a port and release its addresses. */
public record DeletePort(String portId) {}
