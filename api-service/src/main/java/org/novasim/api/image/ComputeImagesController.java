package org.novasim.api.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Links;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nova's image proxy, {@code /compute/v2.1/images}: the catalogue as the Compute API showed it before 2.36. */
@RestController
@RequestMapping("/compute/v2.1/images")
class ComputeImagesController {

    private final ImageCatalog images;
    private final ImageProperties properties;

    ComputeImagesController(ImageCatalog images, ImageProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    @GetMapping
    Map<String, Object> list() {
        List<Map<String, Object>> views = images.newestFirst().stream()
                .map(image -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", image.id());
                    view.put("name", image.name());
                    view.put("links", Links.compute("images", image.id()));
                    return view;
                })
                .toList();
        return Map.of("images", views);
    }

    @GetMapping("/detail")
    Map<String, Object> detail() {
        return Map.of("images", images.newestFirst().stream().map(this::detail).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id) {
        Image image = images.find(id).orElseThrow(() -> ApiException.notFound("Image not found."));
        return Map.of("image", detail(image));
    }

    private Map<String, Object> detail(Image image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status().toUpperCase(Locale.ROOT));
        view.put("progress", "active".equals(image.status()) ? 100 : 0);
        view.put("minDisk", image.minDisk());
        view.put("minRam", image.minRam());
        view.put("created", image.createdAt().toString());
        view.put("updated", image.updatedAt().toString());
        view.put("metadata", properties.of(image));
        view.put("OS-EXT-IMG-SIZE:size", image.sizeBytes());
        view.put("links", Links.compute("images", image.id()));
        return view;
    }
}
