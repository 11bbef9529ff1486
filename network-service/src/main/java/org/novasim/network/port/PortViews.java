package org.novasim.network.port;

import java.util.List;
import java.util.Map;
import org.novasim.common.network.Port;
import org.novasim.common.network.PortFixedIp;
import org.novasim.network.store.FixedIpStore;
import org.novasim.network.store.PortEntity;
import org.springframework.stereotype.Component;

/** Ports as Neutron shows them: the row plus its addresses, with "" where Neutron shows an unbound field empty. */
@Component
public class PortViews {

    private final FixedIpStore fixedIps;

    public PortViews(FixedIpStore fixedIps) {
        this.fixedIps = fixedIps;
    }

    public Port of(PortEntity port) {
        return of(port, fixedIps.ofPort(port.id()));
    }

    public List<Port> of(List<PortEntity> ports) {
        Map<String, List<PortFixedIp>> addresses =
                fixedIps.ofPorts(ports.stream().map(PortEntity::id).toList());
        return ports.stream()
                .map(p -> of(p, addresses.getOrDefault(p.id(), List.of())))
                .toList();
    }

    static Port of(PortEntity port, List<PortFixedIp> addresses) {
        return new Port(
                port.id(),
                port.name(),
                port.networkId(),
                port.projectId(),
                port.macAddress(),
                addresses,
                orEmpty(port.deviceId()),
                port.deviceOwner(),
                port.status(),
                port.adminStateUp(),
                orEmpty(port.bindingHostId()),
                port.bindingHostId() == null ? "unbound" : "ovs",
                "normal",
                port.description(),
                port.createdAt(),
                port.updatedAt());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
