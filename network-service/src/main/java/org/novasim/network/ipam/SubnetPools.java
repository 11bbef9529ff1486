package org.novasim.network.ipam;

import java.util.Comparator;
import java.util.List;
import org.novasim.network.ip.IpRange;

/** What the allocator needs to know of a subnet: its id, IP version and allocation pools (in address order). */
public record SubnetPools(String subnetId, int ipVersion, List<IpRange> pools) {

    public SubnetPools {
        pools = pools.stream().sorted(Comparator.comparing(IpRange::first)).toList();
        for (IpRange pool : pools) {
            if (pool.version() != ipVersion) {
                throw new IllegalArgumentException("pool " + pool + " is not IPv" + ipVersion);
            }
        }
    }
}
