package org.novasim.common.compute;

/** Delete this instance from the host: stop it, free its resources and its addresses. */
public record TerminateInstance(String host, String instanceUuid) {}
