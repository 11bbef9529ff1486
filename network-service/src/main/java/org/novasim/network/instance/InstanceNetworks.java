package org.novasim.network.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.novasim.common.network.AllocateForInstance;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.network.PortFixedIp;
import org.novasim.common.network.Vif;
import org.novasim.common.rpc.RpcContext;
import org.novasim.network.Inputs;
import org.novasim.network.Scope;
import org.novasim.network.Timestamps;
import org.novasim.network.port.DuplicateDevicePortException;
import org.novasim.network.port.NewPort;
import org.novasim.network.port.PortLifecycle;
import org.novasim.network.store.FixedIpStore;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.PortEntity;
import org.novasim.network.store.PortRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networking of instances (nova-network's allocate_for_instance / deallocate_for_instance): one port per requested
 * network, bound to the instance's host.
 *
 * <p>Idempotent, because a build message may be delivered twice: the port an instance already has on a network
 * is returned rather than a second one made, and the database refuses a second port for the same (instance,
 * network) even when two processes race. A request either gets all its ports or none: a network that has no
 * address left rolls back the ports made for the others.
 */
@Service
public class InstanceNetworks {

    private static final Logger log = LoggerFactory.getLogger(InstanceNetworks.class);
    private static final int ATTEMPTS = 5;

    private final RequestedNetworks requestedNetworks;
    private final PortRepository ports;
    private final PortLifecycle lifecycle;
    private final FixedIpStore fixedIps;
    private final TransactionTemplate transaction;

    public InstanceNetworks(
            RequestedNetworks requestedNetworks,
            PortRepository ports,
            PortLifecycle lifecycle,
            FixedIpStore fixedIps,
            PlatformTransactionManager transactions) {
        this.requestedNetworks = requestedNetworks;
        this.ports = ports;
        this.lifecycle = lifecycle;
        this.fixedIps = fixedIps;
        this.transaction = new TransactionTemplate(transactions);
    }

    public NetworkInfo allocate(RpcContext context, AllocateForInstance request) {
        String instance = Inputs.required("instance_uuid", request.instanceUuid(), Inputs.NAME_LENGTH);
        String projectId = request.projectId() == null ? context.projectId() : request.projectId();
        Inputs.text("project_id", projectId, Inputs.PROJECT_LENGTH);
        Inputs.text("host", request.host(), Inputs.NAME_LENGTH);
        // The networks the instance may use are those its project sees; an admin's request may use any.
        Scope scope = new Scope(context.isAdmin(), projectId);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(s -> allocateOnce(scope, instance, projectId, request));
            } catch (DuplicateDevicePortException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("{}; looking again", e.getMessage());
            }
        }
    }

    private NetworkInfo allocateOnce(Scope scope, String instance, String projectId, AllocateForInstance request) {
        List<Vif> vifs = new ArrayList<>();
        for (Nic nic : requestedNetworks.resolve(scope, instance, request.networks())) {
            PortEntity port = nic.port() != null
                    ? bind(nic.port(), instance, request.host())
                    : ports.findByDeviceIdAndNetworkId(instance, nic.network().id())
                            .map(existing -> bind(existing, instance, request.host()))
                            .orElseGet(() -> lifecycle.create(new NewPort(
                                    nic.network(),
                                    "",
                                    projectId,
                                    instance,
                                    request.host(),
                                    true,
                                    false,
                                    "",
                                    nic.fixedIp() == null
                                            ? List.of()
                                            : List.of(new PortFixedIp(
                                                    null, nic.fixedIp().toString())))));
            Vif vif = vif(port, nic.network());
            log.info(
                    "instance {} on host {}: port {} on network {} with {} {}",
                    instance,
                    request.host(),
                    port.id(),
                    nic.network().name(),
                    vif.macAddress(),
                    vif.fixedIps().stream().map(FixedIp::address).toList());
            vifs.add(vif);
        }
        return new NetworkInfo(vifs);
    }

    /** Binds the port to the instance on the host; a port already bound so is left as it is. */
    private PortEntity bind(PortEntity port, String instance, String host) {
        if (instance.equals(port.deviceId())
                && Objects.equals(host, port.bindingHostId())
                && PortEntity.ACTIVE.equals(port.status())) {
            return port;
        }
        try {
            return ports.save(port.boundTo(instance, host, Timestamps.now()));
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.because(
                    "instance " + instance + " already has a port on network " + port.networkId());
        }
    }

    private Vif vif(PortEntity port, NetworkEntity network) {
        List<FixedIp> addresses = fixedIps.ofPort(port.id()).stream()
                .map(ip -> new FixedIp(ip.ipAddress(), ip.ipAddress().indexOf(':') >= 0 ? 6 : 4, ip.subnetId()))
                .toList();
        return new Vif(port.id(), network.id(), network.name(), port.macAddress(), addresses);
    }

    /**
     * Releases the instance's ports: those made for it are deleted with their addresses, those the user brought
     * are unbound and kept. Idempotent: an instance without ports releases nothing.
     *
     * @return how many ports were released
     */
    public int deallocate(String instanceUuid) {
        String instance = Inputs.required("instance_uuid", instanceUuid, Inputs.NAME_LENGTH);
        Integer released = transaction.execute(s -> {
            List<PortEntity> held = ports.findByDeviceId(instance);
            for (PortEntity port : held) {
                if (port.preserveOnDelete()) {
                    ports.save(port.unbound(Timestamps.now()));
                } else {
                    lifecycle.delete(port);
                }
            }
            if (!held.isEmpty()) {
                log.info("instance {}: released {} port(s)", instance, held.size());
            }
            return held.size();
        });
        return released == null ? 0 : released;
    }
}
