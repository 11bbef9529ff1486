package org.novasim.api.hypervisor;

/** A compute node as the database keeps it: the hypervisor's ids, stable across restarts. */
public record ComputeNodeRecord(long id, String uuid, String host, String hypervisorHostname, long serviceId) {}
