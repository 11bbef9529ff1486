package org.novasim.common.network;

import java.util.List;

/** The answer to list_ports. */
public record PortList(List<Port> ports) {

    public PortList {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
