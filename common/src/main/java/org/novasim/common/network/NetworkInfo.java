package org.novasim.common.network;

import java.util.List;

/** The NICs of an instance (Nova's network_info cache). */
public record NetworkInfo(List<Vif> vifs) {

    public NetworkInfo {
        vifs = vifs == null ? List.of() : List.copyOf(vifs);
    }

    public static NetworkInfo empty() {
        return new NetworkInfo(List.of());
    }
}
