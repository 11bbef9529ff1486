package org.novasim.api.image;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The images the cloud offers, for the image API and Nova's image proxy alike. */
@Component
public class ImageCatalog {

    private final ImageRepository images;

    ImageCatalog(ImageRepository images) {
        this.images = images;
    }

    /** Newest first, as Glance lists them. */
    public List<Image> newestFirst() {
        return images.findAllByOrderByCreatedAtDescIdDesc();
    }

    public Optional<Image> find(String id) {
        return images.findById(id);
    }
}
