package org.novasim.common.network;

import java.util.List;

/** One virtual interface: a port on a network with its MAC and fixed addresses. */
public record Vif(String portId, String networkId, String networkName, String macAddress, List<FixedIp> fixedIps) {

    public Vif {
        fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
    }
}
