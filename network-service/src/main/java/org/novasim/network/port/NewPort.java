package org.novasim.network.port;

import java.util.List;
import org.novasim.common.network.PortFixedIp;
import org.novasim.network.store.NetworkEntity;

/**
 * What a port about to be created should be.
 *
 * @param deviceId         the instance it is created for, or null for an unbound port
 * @param fixedIps         addresses asked for; empty means one automatic address per IP version of the network
 * @param preserveOnDelete whether deallocating its instance unbinds it instead of deleting it
 */
public record NewPort(
        NetworkEntity network,
        String name,
        String projectId,
        String deviceId,
        String hostId,
        boolean adminStateUp,
        boolean preserveOnDelete,
        String description,
        List<PortFixedIp> fixedIps) {

    public NewPort {
        fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
    }
}
