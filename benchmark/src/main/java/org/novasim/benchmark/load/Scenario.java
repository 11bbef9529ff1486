package org.novasim.benchmark.load;

import java.util.Arrays;

/** What one iteration does, named as Rally names its NovaServers scenarios. */
public enum Scenario {
    /** Boot a server, wait for ACTIVE, delete it, wait until it is gone (Rally's boot_and_delete_server). */
    BOOT_AND_DELETE("boot-and-delete"),
    /** Boot a server, wait for ACTIVE, list all servers with details (Rally's boot_and_list_server). */
    BOOT_AND_LIST("boot-and-list");

    private final String cliName;

    Scenario(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Scenario of(String name) {
        return Arrays.stream(values())
                .filter(s -> s.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "' (one of: "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Scenario::cliName).toList()) + ")"));
    }
}
