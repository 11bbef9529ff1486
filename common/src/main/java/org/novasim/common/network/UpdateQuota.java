package org.novasim.common.network;

/** Sets some of a project's quotas (admin only); a null one is left as it is. */
public record UpdateQuota(String projectId, Integer network, Integer subnet, Integer port) {}
