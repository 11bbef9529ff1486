package org.novasim.common.network;

/** Gives a project the default quotas back (admin only). */
public record DeleteQuota(String projectId) {}
