package org.novasim.api.image;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An image in the catalogue. Images are records only: novasim boots nothing, but the scheduler reads their
 * properties (architecture, hypervisor type), kept as a JSON object.
 */
@Table("images")
public record Image(
        @Id String id,
        String name,
        String status,
        String visibility,
        String owner,
        String diskFormat,
        String containerFormat,
        Long sizeBytes,
        int minDisk,
        int minRam,
        String checksum,
        String properties,
        Instant createdAt,
        Instant updatedAt) {}
