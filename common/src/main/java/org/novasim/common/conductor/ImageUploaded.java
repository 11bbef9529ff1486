package org.novasim.common.conductor;

/**
 * A host finished (or failed) uploading a snapshot into an image the API made queued: it becomes active with that
 * size, or is deleted, as Nova deletes the image of a failed snapshot.
 */
public record ImageUploaded(String imageId, String instanceUuid, long sizeBytes, boolean succeeded) {}
