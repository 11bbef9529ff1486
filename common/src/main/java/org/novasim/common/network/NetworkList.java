package org.novasim.common.network;

import java.util.List;

/** The answer to list_networks. */
public record NetworkList(List<Network> networks) {

    public NetworkList {
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
