package org.novasim.common.instance;

/** What a compute host needs to know to build an instance. */
public record InstanceInfo(
        String uuid,
        String name,
        String projectId,
        String userId,
        FlavorSpec flavor,
        ImageSpec image,
        String keyName) {}
