package org.novasim.network.instance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcHandler;

/**
 * Counts the ports instances get and give back ({@code novasim_network_port_allocations_total},
 * {@code novasim_network_port_releases_total}) and allocations refused by reason (the typed error, e.g.
 * IpAddressExhaustedException), one series per outcome, never per network or instance.
 */
public final class PortMetrics {

    private final MeterRegistry registry;
    private final Counter allocated;
    private final Counter released;

    public PortMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.allocated = Counter.builder("novasim.network.port.allocations")
                .description("Ports allocated to instances while they build")
                .register(registry);
        this.released = Counter.builder("novasim.network.port.releases")
                .description("Ports released from deleted or failed instances")
                .register(registry);
    }

    public <A> RpcHandler<A, NetworkInfo> allocations(RpcHandler<A, NetworkInfo> allocate) {
        return (context, args) -> {
            try {
                NetworkInfo info = allocate.handle(context, args);
                allocated.increment(info.vifs().size());
                return info;
            } catch (RemoteError e) {
                Counter.builder("novasim.network.port.allocation.failures")
                        .description("Allocations refused, by the error the caller got")
                        .tag("reason", e.type())
                        .register(registry)
                        .increment();
                throw e;
            }
        };
    }

    public void released(int ports) {
        released.increment(ports);
    }
}
