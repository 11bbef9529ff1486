package org.novasim.api.servergroup;

import java.time.Instant;

/**
 * A server group (Nova's instance group): a name, one placement policy ({@code affinity} or
 * {@code anti-affinity}) and the project that owns it; its members are instances created with the group as their
 * {@code group} scheduler hint.
 */
public record ServerGroup(
        long id, String uuid, String name, String policy, String projectId, String userId, Instant createdAt) {

    public static final String AFFINITY = "affinity";
    public static final String ANTI_AFFINITY = "anti-affinity";
}
