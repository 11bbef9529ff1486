package org.novasim.common.scheduler;

/**
 * Resources a scheduler handed out on a host for one instance, before the host has taken the build in.
 *
 * @param serverGroup the server group the instance joins, or null; lets other schedulers keep the group's
 *                    members apart (anti-affinity) or together (affinity) before the database knows the host
 */
public record HostClaim(String host, String instanceUuid, int vcpus, int memoryMb, int diskGb, String serverGroup) {}
