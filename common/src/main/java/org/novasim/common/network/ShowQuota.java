package org.novasim.common.network;

/** A project's quotas: its own where an admin set them, the defaults otherwise. */
public record ShowQuota(String projectId) {}
