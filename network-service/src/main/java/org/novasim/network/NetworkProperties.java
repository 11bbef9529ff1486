package org.novasim.network;

import org.novasim.common.Settings;
import org.novasim.network.ipam.IpAllocator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The network service's knobs.
 *
 * @param defaultNetwork the network (name or id) a server gets when it asks for {@code auto} or for nothing
 * @param defaultMtu     MTU of networks created without one (1450: room for a VXLAN header on a 1500 underlay)
 * @param consumers      concurrent handlers on the {@code network} queue; keep below the database pool size
 * @param prefetch       unacknowledged messages each handler may hold
 * @param quotas         every project's quotas unless an admin set its own (Neutron's defaults)
 */
@ConfigurationProperties("novasim.network")
public record NetworkProperties(
        @DefaultValue("private") String defaultNetwork,
        @DefaultValue("1450") int defaultMtu,
        @DefaultValue("8") int consumers,
        @DefaultValue("16") int prefetch,
        @DefaultValue Ipam ipam,
        @DefaultValue Quotas quotas) {

    public NetworkProperties {
        Settings.atLeast("novasim.network.default-mtu", defaultMtu, 68);
        Settings.atLeast("novasim.network.consumers", consumers, 1);
        Settings.atLeast("novasim.network.prefetch", prefetch, 1);
    }

    /** See {@link IpAllocator.Settings}. */
    public record Ipam(
            @DefaultValue("64") int batchSize,
            @DefaultValue("32") int maxAttempts,
            @DefaultValue("4") int conflictsBeforeRefresh) {

        public IpAllocator.Settings settings() {
            return new IpAllocator.Settings(batchSize, maxAttempts, conflictsBeforeRefresh);
        }
    }

    /** Neutron's {@code [quotas]} defaults for what is simulated; -1 is unlimited. */
    public record Quotas(
            @DefaultValue("100") int network,
            @DefaultValue("100") int subnet,
            @DefaultValue("500") int port) {

        public Quotas {
            Settings.atLeast("novasim.network.quotas.network", network, -1);
            Settings.atLeast("novasim.network.quotas.subnet", subnet, -1);
            Settings.atLeast("novasim.network.quotas.port", port, -1);
        }
    }
}
