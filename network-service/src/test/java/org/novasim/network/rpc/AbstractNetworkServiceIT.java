package org.novasim.network.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.CreateNetwork;
import org.novasim.common.network.CreatePort;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.FixedIp;
import org.novasim.common.network.FixedIpInUseException;
import org.novasim.common.network.InvalidInputException;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.network.ListNetworks;
import org.novasim.common.network.ListPorts;
import org.novasim.common.network.ListSubnets;
import org.novasim.common.network.Network;
import org.novasim.common.network.NetworkClient;
import org.novasim.common.network.NetworkInUseException;
import org.novasim.common.network.NetworkInfo;
import org.novasim.common.network.NetworkNotFoundException;
import org.novasim.common.network.PolicyNotAuthorizedException;
import org.novasim.common.network.Port;
import org.novasim.common.network.PortFixedIp;
import org.novasim.common.network.PortInUseException;
import org.novasim.common.network.PortNotFoundException;
import org.novasim.common.network.RequestedNetwork;
import org.novasim.common.network.Subnet;
import org.novasim.common.network.SubnetInUseException;
import org.novasim.common.network.UpdateQuota;
import org.novasim.common.network.Vif;
import org.novasim.common.rpc.RpcClient;
import org.novasim.common.rpc.RpcContext;
import org.novasim.network.NetworkServiceApplication;
import org.novasim.testsupport.TestBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * network-service through RabbitMQ with the real {@link NetworkClient}, as compute-service and api-service use it.
 * Two service processes (two application contexts) share the queue and the database, as a scaled-out deployment
 * would; subclasses choose the database.
 */
abstract class AbstractNetworkServiceIT {

    private static final Logger log = LoggerFactory.getLogger(AbstractNetworkServiceIT.class);
    static final String PRIVATE_ID = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a01";
    static final String PUBLIC_ID = "6d8e9c2a-8b7e-4b1e-9a51-0c1d2e3f4a02";

    static final List<ConfigurableApplicationContext> processes = new ArrayList<>();
    static NetworkClient client;

    final RpcContext admin = context("admin-project", "admin");
    final RpcContext alice = context("project-a", "member");
    final RpcContext bob = context("project-b", "member");

    static RpcContext context(String project, String role) {
        return new RpcContext(RpcContext.newRequestId(), project, "user-of-" + project, List.of(role));
    }

    /**
     * Starts two network-service processes on one isolated virtual host and the given database. Settings go in as
     * command-line arguments: {@code network-service.yml} sets the port, database and broker, and beats the
     * builder's default properties.
     */
    static void start(Map<String, Object> database) {
        Map<String, Object> settings = new LinkedHashMap<>(TestBroker.isolated().springProperties());
        settings.putAll(database);
        settings.put("server.port", 0);
        settings.put("novasim.rpc.call-timeout", "30s");
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        for (int i = 0; i < 2; i++) {
            processes.add(new SpringApplicationBuilder(NetworkServiceApplication.class)
                    .properties("spring.config.name=" + NetworkServiceApplication.CONFIG_NAME)
                    .run(args));
        }
        client = new NetworkClient(processes.get(0).getBean(RpcClient.class));
    }

    @AfterAll
    static void stop() {
        processes.forEach(ConfigurableApplicationContext::close);
        processes.clear();
    }

    // --- out of the box -------------------------------------------------------------------------------------

    @Test
    void theNetworksDevStackCreatesAreThere() {
        Map<String, Network> networks = client.listNetworks(alice, ListNetworks.all()).stream()
                .collect(Collectors.toMap(Network::name, n -> n, (a, b) -> a));

        assertThat(networks.get("private").id()).isEqualTo(PRIVATE_ID);
        assertThat(networks.get("public").routerExternal()).isTrue();
        assertThat(networks.get("public").shared()).isTrue();
        Subnet privateSubnet =
                client.showSubnet(alice, networks.get("private").subnets().get(0));
        assertThat(privateSubnet.name()).isEqualTo("private-subnet");
        assertThat(privateSubnet.cidr()).isEqualTo("10.0.0.0/24");
        assertThat(privateSubnet.gatewayIp()).isEqualTo("10.0.0.1");
        assertThat(privateSubnet.allocationPools()).containsExactly(new AllocationPool("10.0.0.2", "10.0.0.254"));
        Subnet publicSubnet =
                client.showSubnet(alice, networks.get("public").subnets().get(0));
        assertThat(publicSubnet.name()).isEqualTo("public-subnet");
        assertThat(publicSubnet.cidr()).isEqualTo("172.24.4.0/24");
        assertThat(publicSubnet.gatewayIp()).isEqualTo("172.24.4.1");
    }

    // --- allocate / deallocate --------------------------------------------------------------------------------

    @Test
    void anInstanceGetsOnePortOnEachRequestedNetworkBoundToItsHost() {
        Network dual = network(alice, "dual-" + suffix(), "192.168.10.0/24");
        client.createSubnet(alice, CreateSubnet.of(dual.id(), "dual-v6", "fd00:10::/64"));
        String instance = UUID.randomUUID().toString();

        NetworkInfo info = client.allocateForInstance(
                alice,
                instance,
                "project-a",
                "compute-1",
                List.of(new RequestedNetwork("private", null, null), new RequestedNetwork(dual.id(), null, null)));

        assertThat(info.vifs()).hasSize(2);
        Vif onPrivate = info.vifs().get(0);
        assertThat(onPrivate.networkId()).isEqualTo(PRIVATE_ID);
        assertThat(onPrivate.networkName()).isEqualTo("private");
        assertThat(onPrivate.macAddress()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
        assertThat(onPrivate.fixedIps()).singleElement().satisfies(ip -> {
            assertThat(ip.version()).isEqualTo(4);
            assertThat(ip.address()).startsWith("10.0.0.").isNotEqualTo("10.0.0.1");
        });
        Vif onDual = info.vifs().get(1);
        assertThat(onDual.networkName()).isEqualTo(dual.name());
        assertThat(onDual.fixedIps())
                .extracting(FixedIp::address)
                .containsExactlyInAnyOrder("192.168.10.2", "fd00:10::2");
        assertThat(onDual.fixedIps()).extracting(FixedIp::version).containsExactlyInAnyOrder(4, 6);

        List<Port> ports = client.listPorts(alice, ListPorts.ofDevice(instance));
        assertThat(ports).hasSize(2).allSatisfy(port -> {
            assertThat(port.bindingHostId()).isEqualTo("compute-1");
            assertThat(port.status()).isEqualTo("ACTIVE");
            assertThat(port.deviceOwner()).isEqualTo("compute:nova");
            assertThat(port.projectId()).isEqualTo("project-a");
        });
        assertThat(client.listPorts(bob, ListPorts.ofDevice(instance))).isEmpty();
    }

    @Test
    void allocatingAgainReturnsTheSamePortsInsteadOfNewOnes() {
        String instance = UUID.randomUUID().toString();
        List<RequestedNetwork> request = List.of(RequestedNetwork.auto());

        NetworkInfo first = client.allocateForInstance(alice, instance, "project-a", "compute-1", request);
        NetworkInfo again = client.allocateForInstance(alice, instance, "project-a", "compute-1", request);

        assertThat(again).isEqualTo(first);
        assertThat(first.vifs()).singleElement().extracting(Vif::networkId).isEqualTo(PRIVATE_ID);
        assertThat(client.listPorts(admin, ListPorts.ofDevice(instance))).hasSize(1);
    }

    @Test
    void aRescheduledInstanceKeepsItsPortButMovesItsBinding() {
        String instance = UUID.randomUUID().toString();
        NetworkInfo first = client.allocateForInstance(alice, instance, "project-a", "compute-1", List.of());

        NetworkInfo moved = client.allocateForInstance(alice, instance, "project-a", "compute-2", List.of());

        assertThat(moved).isEqualTo(first);
        assertThat(client.showPort(alice, first.vifs().get(0).portId()).bindingHostId())
                .isEqualTo("compute-2");
    }

    @Test
    void anExhaustedNetworkIsReportedAndDeallocationFreesItsAddressesForReuse() {
        Network small = network(alice, "small-" + suffix(), "10.99.0.0/29");
        List<RequestedNetwork> request = List.of(new RequestedNetwork(small.id(), null, null));
        List<String> instances = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String instance = UUID.randomUUID().toString();
            instances.add(instance);
            addresses.add(address(client.allocateForInstance(alice, instance, "project-a", "compute-1", request)));
        }
        assertThat(addresses)
                .containsExactlyInAnyOrder("10.99.0.2", "10.99.0.3", "10.99.0.4", "10.99.0.5", "10.99.0.6");
        String extra = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client.allocateForInstance(alice, extra, "project-a", "compute-1", request))
                .isInstanceOf(IpAddressExhaustedException.class)
                .hasMessage("No more IP addresses available on network " + small.id() + ".");
        assertThat(client.listPorts(alice, ListPorts.ofDevice(extra))).isEmpty();

        String freed = address(client.listPorts(alice, ListPorts.ofDevice(instances.get(2))));
        assertThat(client.deallocateForInstance(alice, instances.get(2))).isEqualTo(1);
        assertThat(client.deallocateForInstance(alice, instances.get(2))).isZero();
        assertThat(address(client.allocateForInstance(alice, extra, "project-a", "compute-1", request)))
                .isEqualTo(freed);
    }

    @Test
    void launchesRacingForASlash29GetEachAddressOnceAndTheRestAreToldTheNetworkIsFull() throws Exception {
        Network small = network(alice, "race-" + suffix(), "10.88.0.0/29");
        List<RequestedNetwork> request = List.of(new RequestedNetwork(small.id(), null, null));
        List<Callable<String>> launches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            launches.add(() -> {
                try {
                    return address(client.allocateForInstance(
                            context("project-a", "member"),
                            UUID.randomUUID().toString(),
                            "project-a",
                            "compute-1",
                            request));
                } catch (IpAddressExhaustedException e) {
                    return e.getMessage();
                }
            });
        }

        List<String> outcomes = runConcurrently(launches, 16);

        assertThat(outcomes.stream().filter(o -> o.startsWith("10.88.0.")))
                .containsExactlyInAnyOrder("10.88.0.2", "10.88.0.3", "10.88.0.4", "10.88.0.5", "10.88.0.6");
        assertThat(outcomes.stream().filter(o -> !o.startsWith("10.88.0.")))
                .hasSize(35)
                .allMatch(("No more IP addresses available on network " + small.id() + ".")::equals);
        assertThat(client.listPorts(alice, ListPorts.onNetwork(small.id()))).hasSize(5);
    }

    @Test
    void aRequestThatCannotBeMetWhollyLeavesNoPortBehind() {
        Network roomy = network(alice, "roomy-" + suffix(), "10.98.0.0/24");
        Network full = network(alice, "full-" + suffix(), "10.97.0.0/30");
        client.allocateForInstance(
                alice,
                UUID.randomUUID().toString(),
                "project-a",
                "compute-1",
                List.of(new RequestedNetwork(full.id(), null, null)));
        String instance = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        instance,
                        "project-a",
                        "compute-1",
                        List.of(
                                new RequestedNetwork(roomy.id(), null, null),
                                new RequestedNetwork(full.id(), null, null))))
                .isInstanceOf(IpAddressExhaustedException.class);

        assertThat(client.listPorts(alice, ListPorts.ofDevice(instance))).isEmpty();
        // The address the rolled-back port had is handed out again at once.
        assertThat(address(client.allocateForInstance(
                        alice,
                        UUID.randomUUID().toString(),
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork(roomy.id(), null, null)))))
                .isEqualTo("10.98.0.2");
    }

    @Test
    void aThousandConcurrentAllocationsOnASlash22GiveAThousandDistinctAddresses() throws Exception {
        Network big = network(alice, "big-" + suffix(), "10.64.0.0/22");
        // More ports than Neutron's default quota of 500: lifted, as Rally does before a load run.
        client.updateQuota(context("project-a", "admin"), new UpdateQuota("project-a", null, null, -1));
        List<RequestedNetwork> request = List.of(new RequestedNetwork(big.id(), null, null));
        List<Callable<String>> launches = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            launches.add(() -> address(client.allocateForInstance(
                    context("project-a", "member"), UUID.randomUUID().toString(), "project-a", "compute-1", request)));
        }

        long start = System.nanoTime();
        List<String> addresses = runConcurrently(launches, 32);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(
                "{}: 1000 concurrent allocate_for_instance calls on a /22 (32 callers, 2 service processes): {} ms",
                getClass().getSimpleName(),
                millis);

        assertThat(addresses).hasSize(1000).doesNotHaveDuplicates().allMatch(a -> a.startsWith("10.64."));
        assertThat(client.listPorts(admin, ListPorts.onNetwork(big.id()))).hasSize(1000);
    }

    @Test
    void aFixedIpIsGivenOnceAndReservedAddressesNever() {
        Network net = network(alice, "fixed-" + suffix(), "10.96.0.0/24");
        String first = UUID.randomUUID().toString();

        NetworkInfo info = client.allocateForInstance(
                alice, first, "project-a", "compute-1", List.of(new RequestedNetwork(net.name(), "10.96.0.50", null)));

        assertThat(address(info)).isEqualTo("10.96.0.50");
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        UUID.randomUUID().toString(),
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork(net.id(), "10.96.0.50", null))))
                .isInstanceOf(FixedIpInUseException.class)
                .hasMessageContaining("10.96.0.50");
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        UUID.randomUUID().toString(),
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork(net.id(), "10.96.0.1", null))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        UUID.randomUUID().toString(),
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork(net.id(), "10.95.0.9", null))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPortTheUserBroughtIsBoundAndOnDeleteUnboundNotDeleted() {
        Network net = network(alice, "byo-" + suffix(), "10.94.0.0/24");
        Port port = client.createPort(alice, CreatePort.on(net.id(), "my-port"));
        assertThat(port.status()).isEqualTo("DOWN");
        assertThat(port.deviceId()).isEmpty();
        String instance = UUID.randomUUID().toString();

        NetworkInfo info = client.allocateForInstance(
                alice, instance, "project-a", "compute-3", List.of(new RequestedNetwork(null, null, port.id())));

        assertThat(info.vifs()).singleElement().satisfies(vif -> {
            assertThat(vif.portId()).isEqualTo(port.id());
            assertThat(vif.macAddress()).isEqualTo(port.macAddress());
            assertThat(vif.fixedIps())
                    .extracting(FixedIp::address)
                    .containsExactly(port.fixedIps().get(0).ipAddress());
        });
        assertThat(client.showPort(alice, port.id()).bindingHostId()).isEqualTo("compute-3");
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        UUID.randomUUID().toString(),
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork(null, null, port.id()))))
                .isInstanceOf(PortInUseException.class);
        assertThatThrownBy(() -> client.allocateForInstance(
                        bob,
                        UUID.randomUUID().toString(),
                        "project-b",
                        "compute-1",
                        List.of(new RequestedNetwork(null, null, port.id()))))
                .isInstanceOf(PortNotFoundException.class);

        assertThat(client.deallocateForInstance(alice, instance)).isEqualTo(1);

        Port kept = client.showPort(alice, port.id());
        assertThat(kept.deviceId()).isEmpty();
        assertThat(kept.status()).isEqualTo("DOWN");
        assertThat(kept.fixedIps()).isEqualTo(port.fixedIps());
    }

    @Test
    void badRequestsComeBackAsTypedErrors() {
        String instance = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        instance,
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork("no-such-network", null, null))))
                .isInstanceOf(NetworkNotFoundException.class)
                .hasMessage("Network no-such-network could not be found.");
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        instance,
                        "project-a",
                        "compute-1",
                        List.of(RequestedNetwork.auto(), new RequestedNetwork("private", null, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        instance,
                        "project-a",
                        "compute-1",
                        List.of(
                                new RequestedNetwork("private", null, null),
                                new RequestedNetwork(PRIVATE_ID, null, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.allocateForInstance(
                        alice,
                        instance,
                        "project-a",
                        "compute-1",
                        List.of(new RequestedNetwork("private", "not-an-address", null))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.allocateForInstance(alice, " ", "project-a", "compute-1", List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.createNetwork(alice, CreateNetwork.named("x".repeat(300))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(client.allocateForInstance(
                                alice, instance, "project-a", "compute-1", List.of(RequestedNetwork.none()))
                        .vifs())
                .isEmpty();
        assertThat(client.listPorts(admin, ListPorts.ofDevice(instance))).isEmpty();
    }

    // --- the REST API's networks, subnets and ports ----------------------------------------------------------------

    @Test
    void aProjectSeesItsOwnNetworksAndTheSharedOnesOnly() {
        Network mine = network(alice, "alice-only-" + suffix(), "10.93.0.0/24");

        assertThat(client.listNetworks(alice, ListNetworks.all()))
                .extracting(Network::id)
                .contains(mine.id(), PRIVATE_ID, PUBLIC_ID);
        assertThat(client.listNetworks(bob, ListNetworks.all()))
                .extracting(Network::id)
                .doesNotContain(mine.id())
                .contains(PRIVATE_ID, PUBLIC_ID);
        assertThat(client.listNetworks(admin, ListNetworks.named(mine.name())))
                .extracting(Network::id)
                .containsExactly(mine.id());
        assertThat(client.listSubnets(bob, ListSubnets.onNetwork(mine.id()))).isEmpty();
        assertThatThrownBy(() -> client.showNetwork(bob, mine.id())).isInstanceOf(NetworkNotFoundException.class);
        assertThatThrownBy(() -> client.allocateForInstance(
                        bob,
                        UUID.randomUUID().toString(),
                        "project-b",
                        "compute-1",
                        List.of(new RequestedNetwork(mine.id(), null, null))))
                .isInstanceOf(NetworkNotFoundException.class);
        assertThatThrownBy(() -> client.createNetwork(bob, new CreateNetwork("s", null, true, null, null, null, null)))
                .isInstanceOf(PolicyNotAuthorizedException.class);
        assertThatThrownBy(() -> client.deleteNetwork(bob, PRIVATE_ID))
                .isInstanceOf(PolicyNotAuthorizedException.class);
    }

    @Test
    void subnetsAreCheckedAsNeutronChecksThem() {
        Network net = network(alice, "checked-" + suffix(), "10.92.0.0/24");

        assertThatThrownBy(() -> client.createSubnet(alice, CreateSubnet.of(net.id(), "bad", "10.92.1.7/24")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10.92.1.0/24");
        assertThatThrownBy(() -> client.createSubnet(alice, CreateSubnet.of(net.id(), "bad", "banana")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> client.createSubnet(alice, CreateSubnet.of(net.id(), "overlap", "10.92.0.128/25")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlaps with another subnet");
        Subnet pooled = client.createSubnet(
                alice,
                new CreateSubnet(
                        net.id(),
                        "pooled",
                        null,
                        4,
                        "10.91.0.0/24",
                        "10.91.0.254",
                        null,
                        List.of(new AllocationPool("10.91.0.10", "10.91.0.12")),
                        false,
                        null));
        assertThat(pooled.gatewayIp()).isEqualTo("10.91.0.254");
        assertThat(pooled.createdAt())
                .isNotNull()
                .isEqualTo(client.showSubnet(alice, pooled.id()).createdAt());
        assertThat(pooled.enableDhcp()).isFalse();
        assertThat(client.showNetwork(alice, net.id()).subnets()).contains(pooled.id());
    }

    @Test
    void networksAndSubnetsInUseAreNotDeleted() {
        Network net = network(alice, "busy-" + suffix(), "10.90.0.0/24");
        String subnetId = net.subnets().get(0);
        String instance = UUID.randomUUID().toString();
        client.allocateForInstance(
                alice, instance, "project-a", "compute-1", List.of(new RequestedNetwork(net.id(), null, null)));

        assertThatThrownBy(() -> client.deleteNetwork(alice, net.id()))
                .isInstanceOf(NetworkInUseException.class)
                .hasMessage("Unable to complete operation on network " + net.id()
                        + ". There are one or more ports still in use on the network.");
        assertThatThrownBy(() -> client.deleteSubnet(alice, subnetId)).isInstanceOf(SubnetInUseException.class);

        client.deallocateForInstance(alice, instance);
        client.deleteNetwork(alice, net.id());

        assertThatThrownBy(() -> client.showNetwork(alice, net.id())).isInstanceOf(NetworkNotFoundException.class);
        assertThat(client.listSubnets(admin, ListSubnets.onNetwork(net.id()))).isEmpty();
    }

    @Test
    void portsAreListedByTheirFilters() {
        Network net = network(alice, "listed-" + suffix(), "10.89.0.0/24");
        Port named = client.createPort(
                alice,
                new CreatePort(net.id(), "named", null, List.of(new PortFixedIp(null, "10.89.0.77")), null, null));
        client.createPort(alice, CreatePort.on(net.id(), "other"));

        assertThat(client.listPorts(alice, ListPorts.onNetwork(net.id()))).hasSize(2);
        assertThat(client.listPorts(alice, new ListPorts(null, "named", net.id(), null, null, null, null, null)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.id()).isEqualTo(named.id());
                    assertThat(p.fixedIps()).extracting(PortFixedIp::ipAddress).containsExactly("10.89.0.77");
                });
        assertThat(client.listPorts(bob, ListPorts.onNetwork(net.id()))).isEmpty();
        client.deletePort(alice, named.id());
        assertThatThrownBy(() -> client.showPort(alice, named.id())).isInstanceOf(PortNotFoundException.class);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A new network of the caller's project with one subnet. */
    Network network(RpcContext owner, String name, String cidr) {
        Network network = client.createNetwork(owner, CreateNetwork.named(name));
        client.createSubnet(owner, CreateSubnet.of(network.id(), name + "-subnet", cidr));
        return client.showNetwork(owner, network.id());
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String address(NetworkInfo info) {
        return info.vifs().get(0).fixedIps().get(0).address();
    }

    static String address(List<Port> ports) {
        return ports.get(0).fixedIps().get(0).ipAddress();
    }

    static <T> List<T> runConcurrently(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
