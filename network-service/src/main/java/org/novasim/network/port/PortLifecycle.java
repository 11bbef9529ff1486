package org.novasim.network.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.novasim.common.network.FixedIpInUseException;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.PortFixedIp;
import org.novasim.network.Inputs;
import org.novasim.network.Timestamps;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.MacAddresses;
import org.novasim.network.ipam.AllocationContentionException;
import org.novasim.network.ipam.IpAllocator;
import org.novasim.network.quota.NetworkQuotas;
import org.novasim.network.store.FixedIpStore;
import org.novasim.network.store.PortEntity;
import org.novasim.network.store.PortRepository;
import org.novasim.network.store.SubnetEntity;
import org.novasim.network.subnet.SubnetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ports come into being with a MAC and their addresses, and go with them. Runs inside the caller's transaction:
 * a port whose addresses cannot all be had is never seen by anyone.
 */
@Component
public class PortLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PortLifecycle.class);
    /** A random 24-bit MAC tail clashes rarely even with thousands of ports on a network; retry a few times. */
    private static final int MAC_ATTEMPTS = 8;

    private final JdbcAggregateTemplate aggregates;
    private final PortRepository ports;
    private final SubnetService subnets;
    private final FixedIpStore fixedIps;
    private final IpAllocator allocator;
    private final AddressEvents addressEvents;
    private final TransactionTemplate savepoint;
    private final NetworkQuotas quotas;

    public PortLifecycle(
            JdbcAggregateTemplate aggregates,
            PortRepository ports,
            SubnetService subnets,
            FixedIpStore fixedIps,
            IpAllocator allocator,
            AddressEvents addressEvents,
            PlatformTransactionManager transactions,
            NetworkQuotas quotas) {
        this.aggregates = aggregates;
        this.ports = ports;
        this.subnets = subnets;
        this.fixedIps = fixedIps;
        this.allocator = allocator;
        this.addressEvents = addressEvents;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.quotas = quotas;
    }

    /**
     * Creates the port and takes its addresses.
     *
     * @throws DuplicateDevicePortException when the device already got a port on the network concurrently
     */
    public PortEntity create(NewPort spec) {
        List<SubnetEntity> networkSubnets = subnets.ofNetwork(spec.network().id());
        List<Requested> requested = requested(spec, networkSubnets);
        quotas.checkOneMore(spec.projectId(), NetworkQuotas.Resource.PORT);
        PortEntity port = insert(spec);
        if (requested.isEmpty()) {
            allocateAutomatically(port, networkSubnets);
        }
        for (Requested request : requested) {
            if (request.address() != null) {
                take(port, request.subnet(), request.address());
            } else {
                allocateOn(port, List.of(request.subnet()));
            }
        }
        return port;
    }

    /** Deletes the port; its addresses become free once the transaction commits. */
    public void delete(PortEntity port) {
        List<PortFixedIp> held = fixedIps.ofPort(port.id());
        fixedIps.deleteOfPort(port.id());
        ports.deleteById(port.id());
        for (PortFixedIp ip : held) {
            addressEvents.released(ip.subnetId(), IpAddress.parse(ip.ipAddress()));
        }
    }

    private PortEntity insert(NewPort spec) {
        var now = Timestamps.now();
        String status = spec.deviceId() == null ? PortEntity.DOWN : PortEntity.ACTIVE;
        String owner = spec.deviceId() == null ? "" : PortEntity.OWNER_COMPUTE;
        for (int attempt = 1; ; attempt++) {
            PortEntity port = new PortEntity(
                    UUID.randomUUID().toString(),
                    spec.network().id(),
                    Inputs.text("name", spec.name(), Inputs.NAME_LENGTH),
                    MacAddresses.random(),
                    spec.deviceId(),
                    owner,
                    spec.projectId(),
                    status,
                    spec.adminStateUp(),
                    spec.hostId(),
                    spec.preserveOnDelete(),
                    Inputs.text("description", spec.description(), Inputs.NAME_LENGTH),
                    now,
                    now);
            try {
                return savepoint.execute(s -> aggregates.insert(port));
            } catch (DuplicateKeyException e) {
                if (spec.deviceId() != null) {
                    // Either a MAC clash or a concurrent port for the same device and network; only a fresh
                    // transaction can tell (the other one may not have committed yet). Let the caller start over.
                    throw new DuplicateDevicePortException(
                            spec.deviceId(), spec.network().id());
                }
                if (attempt == MAC_ATTEMPTS) {
                    throw e;
                }
                log.debug(
                        "MAC {} already on network {}, trying another",
                        port.macAddress(),
                        spec.network().id());
            }
        }
    }

    /** One address of each IP version the network has subnets of, from the first subnet of that version with room. */
    private void allocateAutomatically(PortEntity port, List<SubnetEntity> networkSubnets) {
        Map<Integer, List<SubnetEntity>> byVersion = new LinkedHashMap<>();
        for (SubnetEntity subnet : networkSubnets) {
            byVersion
                    .computeIfAbsent(subnet.ipVersion(), v -> new ArrayList<>())
                    .add(subnet);
        }
        for (List<SubnetEntity> candidates : byVersion.values()) {
            allocateOn(port, candidates);
        }
    }

    private void allocateOn(PortEntity port, List<SubnetEntity> candidates) {
        for (SubnetEntity subnet : candidates) {
            Optional<IpAddress> address;
            try {
                address = allocator.allocate(subnet.toPools(), port.id());
            } catch (AllocationContentionException e) {
                // Neutron gives up the same way after its retries (IpAddressGenerationFailure).
                log.warn("{}", e.getMessage());
                continue;
            }
            if (address.isPresent()) {
                addressEvents.taken(subnet.id(), address.get());
                return;
            }
        }
        throw IpAddressExhaustedException.onNetwork(port.networkId());
    }

    private void take(PortEntity port, SubnetEntity subnet, IpAddress address) {
        if (!allocator.allocateSpecific(subnet.id(), address, port.id())) {
            throw FixedIpInUseException.of(port.networkId(), address.toString());
        }
        addressEvents.taken(subnet.id(), address);
    }

    private record Requested(SubnetEntity subnet, IpAddress address) {}

    /** Reads the fixed IPs asked for: each names a subnet of the network, an address in one, or both. */
    private static List<Requested> requested(NewPort spec, List<SubnetEntity> networkSubnets) {
        List<Requested> requested = new ArrayList<>();
        for (PortFixedIp fixedIp : spec.fixedIps()) {
            if (fixedIp == null || (fixedIp.subnetId() == null && fixedIp.ipAddress() == null)) {
                throw InvalidInputException.because("a fixed IP needs a subnet_id or an ip_address");
            }
            IpAddress address = fixedIp.ipAddress() == null ? null : Inputs.address(fixedIp.ipAddress());
            SubnetEntity subnet = networkSubnets.stream()
                    .filter(s -> fixedIp.subnetId() == null || s.id().equals(fixedIp.subnetId()))
                    .filter(s -> address == null || Cidr.parse(s.cidr()).contains(address))
                    .findFirst()
                    .orElseThrow(() -> InvalidInputException.because(
                            fixedIp.ipAddress() != null
                                    ? "IP address " + fixedIp.ipAddress()
                                            + " is not a valid IP for the specified subnet" + " of network "
                                            + spec.network().id()
                                    : "subnet " + fixedIp.subnetId() + " is not on network "
                                            + spec.network().id()));
            if (address != null) {
                refuseReserved(subnet, address);
            }
            requested.add(new Requested(subnet, address));
        }
        return requested;
    }

    private static void refuseReserved(SubnetEntity subnet, IpAddress address) {
        Cidr cidr = Cidr.parse(subnet.cidr());
        boolean reserved = address.equals(cidr.first())
                || (cidr.version() == 4 && address.equals(cidr.last()))
                || address.toString().equals(subnet.gatewayIp());
        if (reserved) {
            throw InvalidInputException.because(
                    "IP address " + address + " is the network, broadcast or gateway address of subnet " + subnet.id());
        }
    }
}
