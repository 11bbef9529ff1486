package org.novasim.common.instance;

import java.util.Map;

/** The resources an instance asks for, copied into every message that needs them (as Nova embeds the flavor). */
public record FlavorSpec(
        String id,
        String name,
        int vcpus,
        int memoryMb,
        int rootGb,
        int ephemeralGb,
        int swapMb,
        Map<String, String> extraSpecs) {

    public FlavorSpec {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }

    /** Disk the instance takes on its host: root plus ephemeral (swap is counted in MB and rounded up). */
    public int diskGb() {
        return rootGb + ephemeralGb + (swapMb + 1023) / 1024;
    }
}
