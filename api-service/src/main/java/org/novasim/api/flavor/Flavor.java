package org.novasim.api.flavor;

import java.time.Instant;
import java.util.Map;
import org.novasim.common.instance.FlavorSpec;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A flavor: the size of an instance. */
@Table("flavors")
public record Flavor(
        @Id String id,
        String name,
        int vcpus,
        int memoryMb,
        int rootGb,
        int ephemeralGb,
        int swapMb,
        double rxtxFactor,
        boolean isPublic,
        boolean disabled,
        String description,
        Instant createdAt) {

    public FlavorSpec toSpec() {
        return new FlavorSpec(id, name, vcpus, memoryMb, rootGb, ephemeralGb, swapMb, Map.of());
    }
}
