package org.novasim.common.compute;

/**
 * Boot the instance from a rescue image (Nova's rescue_instance); the API has set task state rescuing.
 *
 * @param rescueImageRef the image to rescue from, null for the instance's own image
 */
public record RescueInstance(String host, String instanceUuid, String rescueImageRef) {}
