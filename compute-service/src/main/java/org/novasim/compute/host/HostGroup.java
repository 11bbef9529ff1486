package org.novasim.compute.host;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hosts described together: one host called {@code name}, or {@code count} hosts called
 * {@code namePrefix + index} from {@code firstIndex} on. All share the size, ratios, availability zone and
 * management address ({@code hostIp}, the process's {@code my-ip} when not set) given here.
 */
public record HostGroup(
        String name,
        @DefaultValue("compute-") String namePrefix,
        @DefaultValue("4") int count,
        @DefaultValue("1") int firstIndex,
        @DefaultValue("nova") String availabilityZone,
        @DefaultValue("16") int vcpus,
        @DefaultValue("32768") int memoryMb,
        @DefaultValue("500") int diskGb,
        @DefaultValue("4.0") double cpuAllocationRatio,
        @DefaultValue("1.0") double ramAllocationRatio,
        @DefaultValue("1.0") double diskAllocationRatio,
        @DefaultValue("512") int reservedHostMemoryMb,
        @DefaultValue("0") int reservedHostDiskMb,
        @DefaultValue("QEMU") String hypervisorType,
        @DefaultValue("x86_64") String architecture,
        String hostIp) {

    /** Host names may not contain what a topic exchange treats as wildcards or separators of its own. */
    private static final String VALID_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    public static HostGroup defaults() {
        return new HostGroup(
                null, "compute-", 4, 1, "nova", 16, 32768, 500, 4.0, 1.0, 1.0, 512, 0, "QEMU", "x86_64", null);
    }

    public List<String> hostNames() {
        if (name != null && !name.isBlank()) {
            return List.of(checked(name));
        }
        if (count < 0) {
            throw new IllegalArgumentException("host count must not be negative: " + count);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(checked(namePrefix + (firstIndex + i)));
        }
        return names;
    }

    private static String checked(String hostName) {
        if (!hostName.matches(VALID_NAME)) {
            throw new IllegalArgumentException(
                    "invalid host name '" + hostName + "': use letters, digits, '.', '-', '_'");
        }
        return hostName;
    }
}
