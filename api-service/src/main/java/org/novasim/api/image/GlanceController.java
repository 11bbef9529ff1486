package org.novasim.api.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.Links;
import org.novasim.api.web.Timestamps;
import org.novasim.common.rpc.RpcContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The image service under {@code /image}, a read-only subset of Glance v2: version documents, list (with the
 * {@code name}, {@code status}, {@code visibility} filters and paging) and show. Clients resolve an image name
 * by trying it as an id (a 404 here) and then listing with {@code ?name=}.
 */
@RestController
@RequestMapping("/image")
class GlanceController {

    private final ImageCatalog images;
    private final ImageProperties properties;

    GlanceController(ImageCatalog images, ImageProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    /** 300 with the versions; the client takes the CURRENT one's href as its base. */
    @GetMapping({"", "/"})
    ResponseEntity<Map<String, Object>> versions() {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).body(versionList());
    }

    @GetMapping("/versions")
    Map<String, Object> versionsPage() {
        return versionList();
    }

    @GetMapping("/v2/images")
    Map<String, Object> list(RpcContext context, @RequestParam Map<String, String> filters) {
        boolean hidden = "true".equalsIgnoreCase(filters.getOrDefault("os_hidden", "false"));
        List<Image> visible = images.newestFirst().stream()
                .filter(image -> visibleTo(context, image))
                .filter(image -> !hidden)
                .filter(image -> matches(filters.get("name"), image.name()))
                .filter(image -> matches(filters.get("status"), image.status()))
                .filter(image -> matches(filters.get("visibility"), image.visibility()))
                .toList();
        List<Image> page = page(visible, filters.get("marker"), filters.get("limit"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", page.stream().map(this::view).toList());
        body.put("first", "/v2/images");
        body.put("schema", "/v2/schemas/images");
        if (!page.isEmpty()
                && filters.containsKey("limit")
                && !page.get(page.size() - 1).equals(visible.get(visible.size() - 1))) {
            body.put("next", "/v2/images?marker=" + page.get(page.size() - 1).id() + "&limit=" + filters.get("limit"));
        }
        return body;
    }

    @GetMapping("/v2/images/{id}")
    Map<String, Object> show(RpcContext context, @PathVariable String id) {
        return images.find(id)
                .filter(image -> visibleTo(context, image))
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("No image found with ID " + id));
    }

    private static boolean visibleTo(RpcContext context, Image image) {
        return context.isAdmin()
                || !"private".equals(image.visibility())
                || (image.owner() != null && image.owner().equals(context.projectId()));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static List<Image> page(List<Image> all, String marker, String limit) {
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ApiException.badRequest("marker " + marker + " could not be found.");
            }
        }
        int size = all.size();
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit param must be an integer");
            }
            if (size < 0) {
                throw ApiException.badRequest("limit param must be positive");
            }
        }
        // long: a huge limit after a marker must not wrap around to a negative end.
        return new ArrayList<>(all.subList(from, (int) Math.min(all.size(), (long) from + size)));
    }

    private Map<String, Object> view(Image image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("status", image.status());
        view.put("visibility", image.visibility());
        view.put("protected", false);
        view.put("os_hidden", false);
        view.put("checksum", image.checksum());
        view.put("os_hash_algo", null);
        view.put("os_hash_value", null);
        view.put("size", image.sizeBytes());
        view.put("virtual_size", null);
        view.put("min_disk", image.minDisk());
        view.put("min_ram", image.minRam());
        view.put("disk_format", image.diskFormat());
        view.put("container_format", image.containerFormat());
        view.put("owner", image.owner());
        view.put("created_at", Timestamps.iso(image.createdAt()));
        view.put("updated_at", Timestamps.iso(image.updatedAt()));
        view.put("tags", List.of());
        view.put("self", "/v2/images/" + image.id());
        view.put("file", "/v2/images/" + image.id() + "/file");
        view.put("schema", "/v2/schemas/image");
        // Glance shows an image's own properties as top-level fields.
        properties.of(image).forEach(view::putIfAbsent);
        return view;
    }

    private static Map<String, Object> versionList() {
        return Map.of(
                "versions",
                List.of(Map.of(
                        "id",
                        "v2.9",
                        "status",
                        "CURRENT",
                        "links",
                        List.of(Map.of("rel", "self", "href", Links.root() + "/image/v2/")))));
    }
}
