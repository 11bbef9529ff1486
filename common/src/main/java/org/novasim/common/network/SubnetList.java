package org.novasim.common.network;

import java.util.List;

/** The answer to list_subnets. */
public record SubnetList(List<Subnet> subnets) {

    public SubnetList {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }
}
