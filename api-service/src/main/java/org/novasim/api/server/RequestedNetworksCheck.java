package org.novasim.api.server;

import java.util.List;
import org.novasim.api.web.ApiException;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.Port;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.rpc.RpcContext;
import org.springframework.stereotype.Component;

/**
 * Checks the requested networks and ports before a create is accepted, as Nova's API does
 * (network_api.validate_networks): an unknown network or port is a 400 and a port in use a 409 at once, rather
 * than a 202 and then an ERROR.
 */
@Component
class RequestedNetworksCheck {

    private final NetworkClient network;

    RequestedNetworksCheck(NetworkClient network) {
        this.network = network;
    }

    void check(RpcContext context, List<RequestedNetwork> requested, int maxCount) {
        for (RequestedNetwork nic : requested) {
            if (nic.isAuto() || nic.isNone()) {
                continue;
            }
            if (nic.portId() != null) {
                checkPort(context, nic.portId(), maxCount);
            } else if (nic.networkId() != null) {
                try {
                    network.showNetwork(context, nic.networkId());
                } catch (NetworkNotFoundException e) {
                    throw ApiException.badRequest("Network " + nic.networkId() + " could not be found.");
                }
            }
        }
    }

    private void checkPort(RpcContext context, String portId, int maxCount) {
        if (maxCount > 1) {
            throw ApiException.badRequest("Unable to launch multiple instances with a single configured port ID. "
                    + "Please launch your instance one by one with different ports.");
        }
        Port port;
        try {
            port = network.showPort(context, portId);
        } catch (PortNotFoundException e) {
            throw ApiException.badRequest("Port " + portId + " could not be found.");
        }
        if (port.deviceId() != null && !port.deviceId().isEmpty()) {
            throw ApiException.conflict("Port " + portId + " is still in use.");
        }
    }
}
