package org.novasim.common.network;

import java.util.List;

/**
 * Create a port on a network, to be attached to an instance later (server create with {@code {"port": id}}).
 *
 * @param fixedIps empty means one free address of each IP version the network has a subnet of
 */
public record CreatePort(
        String networkId,
        String name,
        String projectId,
        List<PortFixedIp> fixedIps,
        Boolean adminStateUp,
        String description) {

    public CreatePort {
        fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
    }

    public static CreatePort on(String networkId, String name) {
        return new CreatePort(networkId, name, null, null, null, null);
    }
}
