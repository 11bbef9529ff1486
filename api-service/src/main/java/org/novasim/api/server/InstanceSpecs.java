package org.novasim.api.server;

import java.util.List;
import java.util.Map;
import org.novasim.api.image.ImageCatalog;
import org.novasim.api.image.ImageProperties;
import org.novasim.api.instance.Instance;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.scheduler.RequestSpec;
import org.springframework.stereotype.Component;

/** What the hosts and the scheduler are told of an existing instance when it moves or comes back. */
@Component
class InstanceSpecs {

    private final ImageCatalog images;
    private final ImageProperties imageProperties;

    InstanceSpecs(ImageCatalog images, ImageProperties imageProperties) {
        this.images = images;
        this.imageProperties = imageProperties;
    }

    InstanceInfo info(Instance instance) {
        return new InstanceInfo(
                instance.uuid(),
                instance.displayName(),
                instance.projectId(),
                instance.userId(),
                instance.flavor(),
                image(instance),
                instance.keyName());
    }

    /** Where the instance may go with {@code flavor}, never to one of {@code ignoreHosts}. */
    RequestSpec spec(Instance instance, FlavorSpec flavor, List<String> ignoreHosts) {
        return new RequestSpec(
                instance.projectId(),
                flavor,
                image(instance),
                instance.availabilityZone(),
                Map.of(),
                null,
                ignoreHosts);
    }

    private ImageSpec image(Instance instance) {
        if (instance.imageRef() == null) {
            return new ImageSpec(null, null, Map.of());
        }
        return images.find(instance.imageRef())
                .map(image -> new ImageSpec(image.id(), image.name(), imageProperties.of(image)))
                .orElse(new ImageSpec(instance.imageRef(), null, Map.of()));
    }
}
