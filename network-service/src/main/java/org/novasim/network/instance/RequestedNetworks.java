package org.novasim.network.instance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.PortInUseException;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.network.Inputs;
import org.novasim.network.NetworkProperties;
import org.novasim.network.Scope;
import org.novasim.network.network.NetworkService;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.PortEntity;
import org.novasim.network.store.PortRepository;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code networks} of a server create into NICs, with Nova's rules: {@code auto} (or nothing) is one NIC
 * on the default network, {@code none} is no NIC, and neither may be mixed with other entries; a network is named
 * by id or by a name only one visible network has; a port must be the instance's project's and free.
 * One NIC per network: allocation is idempotent by (instance, network), so a network asked for twice is refused.
 */
@Component
class RequestedNetworks {

    private final NetworkService networks;
    private final PortRepository ports;
    private final NetworkProperties properties;

    RequestedNetworks(NetworkService networks, PortRepository ports, NetworkProperties properties) {
        this.networks = networks;
        this.ports = ports;
        this.properties = properties;
    }

    List<Nic> resolve(Scope scope, String instanceUuid, List<RequestedNetwork> requested) {
        List<RequestedNetwork> asked = requested.isEmpty() ? List.of(RequestedNetwork.auto()) : requested;
        boolean special = asked.stream().anyMatch(r -> r != null && (r.isAuto() || r.isNone()));
        if (special && asked.size() > 1) {
            throw InvalidInputException.because("networks 'auto' and 'none' cannot be combined with other networks");
        }
        List<Nic> nics = new ArrayList<>();
        Set<String> networkIds = new HashSet<>();
        for (RequestedNetwork request : asked) {
            if (request == null || request.isNone()) {
                continue;
            }
            Nic nic = request.isAuto()
                    ? new Nic(networks.resolve(scope, properties.defaultNetwork()), null, null)
                    : resolveOne(scope, instanceUuid, request);
            if (!networkIds.add(nic.network().id())) {
                throw InvalidInputException.because("network " + nic.network().id()
                        + " is requested more than once; an instance has one port per network");
            }
            nics.add(nic);
        }
        return nics;
    }

    private Nic resolveOne(Scope scope, String instanceUuid, RequestedNetwork request) {
        if (request.portId() != null) {
            PortEntity port = ports.findById(request.portId())
                    .filter(p -> scope.owns(p.projectId()))
                    .orElseThrow(() -> PortNotFoundException.of(request.portId()));
            if (port.isBound() && !port.deviceId().equals(instanceUuid)) {
                throw PortInUseException.of(port.id(), port.networkId(), port.deviceId());
            }
            NetworkEntity network = networks.visible(Scope.ADMIN, port.networkId());
            if (request.networkId() != null
                    && !request.networkId().equals(network.id())
                    && !request.networkId().equals(network.name())) {
                throw InvalidInputException.because("port " + port.id() + " is not on network " + request.networkId());
            }
            if (request.fixedIp() != null) {
                throw InvalidInputException.because("a fixed IP cannot be asked for together with a port");
            }
            return new Nic(network, null, port);
        }
        if (request.networkId() == null) {
            throw InvalidInputException.because("a requested network needs a network id, a port or 'auto'/'none'");
        }
        NetworkEntity network = networks.resolve(scope, request.networkId());
        return new Nic(network, request.fixedIp() == null ? null : Inputs.address(request.fixedIp()), null);
    }
}
