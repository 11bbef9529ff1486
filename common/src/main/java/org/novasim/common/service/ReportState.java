package org.novasim.common.service;

/** Please report your state now (hosts or heartbeat); {@code requester} says who asks, for the logs. */
public record ReportState(String requester) {}
