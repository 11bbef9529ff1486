package org.novasim.compute.guest;

import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot's image, made queued by the API: once the host has uploaded it, it becomes active; when the snapshot
 * failed, it goes (Nova deletes the image of a failed snapshot).
 */
final class ImageUpload implements Outcome {

    private static final Logger log = LoggerFactory.getLogger(ImageUpload.class);
    /** The simulated disk: what cirros weighs. */
    static final long SIZE_BYTES = 21_430_272L;

    private final ConductorClient conductor;
    private final RpcContext context;
    private final String imageId;
    private final String instanceUuid;

    ImageUpload(ConductorClient conductor, RpcContext context, String imageId, String instanceUuid) {
        this.conductor = conductor;
        this.context = context;
        this.imageId = imageId;
        this.instanceUuid = instanceUuid;
    }

    @Override
    public void afterSuccess() {
        tell(true);
    }

    @Override
    public void afterFailure() {
        tell(false);
    }

    private void tell(boolean uploaded) {
        if (imageId == null) {
            return;
        }
        try {
            conductor.imageUploaded(
                    context,
                    new org.novasim.common.conductor.ImageUploaded(imageId, instanceUuid, SIZE_BYTES, uploaded));
        } catch (RuntimeException e) {
            log.error("could not tell the conductor about image {} of {}: {}", imageId, instanceUuid, e.toString());
        }
    }
}
