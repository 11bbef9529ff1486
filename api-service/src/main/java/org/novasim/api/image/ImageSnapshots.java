package org.novasim.api.image;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images made from instances (createImage, shelve), as Nova makes them in Glance: queued at once, private to the
 * project, with the instance's image's formats and properties plus {@code image_type}, {@code instance_uuid} and
 * {@code base_image_ref}; active once the host has uploaded it, gone when the upload failed.
 */
@Component
public class ImageSnapshots {

    private final JdbcClient jdbc;
    private final ImageCatalog catalog;
    private final ImageProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    ImageSnapshots(JdbcClient jdbc, ImageCatalog catalog, ImageProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A queued image of the instance; {@code imageType} is {@code snapshot} (createImage) or {@code shelved}.
     *
     * @param metadata the caller's properties, over the base image's
     */
    public Image create(
            String name,
            String projectId,
            String userId,
            String instanceUuid,
            String baseImageRef,
            String imageType,
            Map<String, String> metadata) {
        Optional<Image> base = baseImageRef == null ? Optional.empty() : catalog.find(baseImageRef);
        Map<String, String> merged =
                new LinkedHashMap<>(base.map(properties::of).orElse(Map.of()));
        merged.putAll(metadata);
        merged.put("image_type", imageType);
        merged.put("instance_uuid", instanceUuid);
        merged.put("user_id", userId);
        if (baseImageRef != null) {
            merged.put("base_image_ref", baseImageRef);
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO images (id, name, status, visibility, owner, disk_format, container_format, min_disk, "
                        + "min_ram, properties, created_at, updated_at) VALUES (:id, :name, 'queued', 'private', "
                        + ":owner, :diskFormat, :containerFormat, :minDisk, :minRam, :properties, :now, :now)")
                .param("id", id)
                .param("name", name)
                .param("owner", projectId)
                .param("diskFormat", base.map(Image::diskFormat).orElse("qcow2"))
                .param("containerFormat", base.map(Image::containerFormat).orElse("bare"))
                .param("minDisk", base.map(Image::minDisk).orElse(0))
                .param("minRam", base.map(Image::minRam).orElse(0))
                .param("properties", json.writeValueAsString(merged))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return catalog.find(id).orElseThrow();
    }

    /** The host is done with the image: active with its size, or deleted when the upload failed. */
    public void uploaded(String imageId, long sizeBytes, boolean succeeded) {
        if (succeeded) {
            jdbc.sql("UPDATE images SET status = 'active', size_bytes = :size, updated_at = :now "
                            + "WHERE id = :id AND status = 'queued'")
                    .param("size", sizeBytes)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("id", imageId)
                    .update();
        } else {
            delete(imageId);
        }
    }

    public void delete(String imageId) {
        jdbc.sql("DELETE FROM images WHERE id = :id").param("id", imageId).update();
    }

    /** The image a shelved instance was saved to, if it still exists. */
    public Optional<Image> shelvedImageOf(String instanceUuid) {
        return catalog.newestFirst().stream()
                .filter(image -> {
                    Map<String, String> props = properties.of(image);
                    return "shelved".equals(props.get("image_type")) && instanceUuid.equals(props.get("instance_uuid"));
                })
                .findFirst();
    }
}
