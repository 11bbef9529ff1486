package org.novasim.network.subnet;

import java.util.List;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.IpRange;

/** A subnet's addressing once checked: its CIDR, its gateway (null for none) and its allocation pools. */
public record SubnetPlan(Cidr cidr, IpAddress gateway, List<IpRange> pools) {

    public SubnetPlan {
        pools = List.copyOf(pools);
    }
}
