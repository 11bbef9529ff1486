package org.novasim.api.network.neutron;

import java.util.Map;
import java.util.Optional;
import org.novasim.common.network.FixedIpInUseException;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.NetworkAmbiguousException;
import org.novasim.common.network.NetworkInUseException;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.OverQuotaException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.PortInUseException;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.network.SubnetInUseException;
import org.novasim.common.network.SubnetNotFoundException;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcTimeoutException;
import org.novasim.common.rpc.UndeliverableException;
import org.springframework.http.HttpStatus;

/**
 * Which HTTP status and Neutron error type each failure of network-service stands for, as Neutron's exception
 * classes (neutron_lib/exceptions) map them. The message network-service wrote is already Neutron's wording.
 */
final class NeutronFaults {

    record Fault(HttpStatus status, String type) {}

    private static final Map<Class<? extends RemoteError>, Fault> BY_CLASS = Map.ofEntries(
            Map.entry(NetworkNotFoundException.class, new Fault(HttpStatus.NOT_FOUND, "NetworkNotFound")),
            Map.entry(SubnetNotFoundException.class, new Fault(HttpStatus.NOT_FOUND, "SubnetNotFound")),
            Map.entry(PortNotFoundException.class, new Fault(HttpStatus.NOT_FOUND, "PortNotFound")),
            Map.entry(NetworkInUseException.class, new Fault(HttpStatus.CONFLICT, "NetworkInUse")),
            Map.entry(SubnetInUseException.class, new Fault(HttpStatus.CONFLICT, "SubnetInUse")),
            Map.entry(PortInUseException.class, new Fault(HttpStatus.CONFLICT, "PortInUse")),
            Map.entry(FixedIpInUseException.class, new Fault(HttpStatus.CONFLICT, "IpAddressInUse")),
            Map.entry(IpAddressExhaustedException.class, new Fault(HttpStatus.CONFLICT, "IpAddressGenerationFailure")),
            Map.entry(NetworkAmbiguousException.class, new Fault(HttpStatus.CONFLICT, "NetworkAmbiguous")),
            Map.entry(InvalidInputException.class, new Fault(HttpStatus.BAD_REQUEST, "InvalidInput")),
            Map.entry(OverQuotaException.class, new Fault(HttpStatus.CONFLICT, "OverQuota")),
            Map.entry(PolicyNotAuthorizedException.class, new Fault(HttpStatus.FORBIDDEN, "PolicyNotAuthorized")),
            // network-service down, or no process serving the queue: the client may try again later.
            Map.entry(RpcTimeoutException.class, new Fault(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable")),
            Map.entry(UndeliverableException.class, new Fault(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable")));

    /** network-service's database was away (its wire type; no class of a contract). */
    static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

    private NeutronFaults() {}

    /** The fault of a known failure; empty for one this API does not expect (a bug somewhere, answered as 500). */
    static Optional<Fault> of(RemoteError error) {
        if (DATABASE_UNAVAILABLE.equals(error.type())) {
            return Optional.of(new Fault(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable"));
        }
        return Optional.ofNullable(BY_CLASS.get(error.getClass()));
    }
}
