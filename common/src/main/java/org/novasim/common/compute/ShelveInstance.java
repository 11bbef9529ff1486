package org.novasim.common.compute;

/**
 * Shelve the instance (Nova's shelve_instance): power it off and snapshot it into {@code imageId}; then offload
 * it at once ({@code offloadAfterSeconds} 0), after that many seconds, or never (-1). The API has set task state
 * shelving. Offloading alone (shelve_offload_instance) sends no image.
 */
public record ShelveInstance(String host, String instanceUuid, String imageId, int offloadAfterSeconds) {}
