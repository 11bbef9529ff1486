package org.novasim.common.compute;

/**
 * Snapshot the instance into an image the API has already made, status queued (Nova's snapshot_instance); the API
 * has set task state image_snapshot. The host uploads it and tells the conductor, which makes it active.
 */
public record SnapshotInstance(String host, String instanceUuid, String imageId) {}
