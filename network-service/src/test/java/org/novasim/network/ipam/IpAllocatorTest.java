package org.novasim.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.novasim.common.network.CreateSubnet;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.IpRange;
import org.novasim.network.subnet.SubnetPlan;
import org.novasim.network.subnet.SubnetPlanner;

class IpAllocatorTest {

    private final InMemoryAddressStore store = new InMemoryAddressStore();
    private final IpAllocator allocator = new IpAllocator(store, IpAllocator.Settings.DEFAULT);

    /** 10.0.0.0/29 with gateway .1: the pool is .2 to .6. */
    private static final SubnetPools SMALL =
            new SubnetPools("small", 4, List.of(IpRange.parse("10.0.0.2", "10.0.0.6")));

    private String allocate(IpAllocator allocator, SubnetPools subnet) {
        return allocator.allocate(subnet, "port").map(IpAddress::toString).orElse(null);
    }

    @Test
    void handsOutThePoolLowestFirstAndNothingOutsideIt() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add(allocate(allocator, SMALL));
        }

        // Never the network (.0), the gateway (.1) or the broadcast address (.7): they are not in the pool.
        assertThat(addresses).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6");
    }

    @Test
    void theGatewayIsNeverHandedOutWhereverItIs() {
        SubnetPlan plan = SubnetPlanner.plan(
                new CreateSubnet("net", "s", null, 4, "10.0.0.0/28", "10.0.0.7", null, null, null, null),
                "net",
                List.of());
        SubnetPools subnet = new SubnetPools("gw", 4, plan.pools());
        List<String> addresses = new ArrayList<>();
        for (Optional<IpAddress> a = allocator.allocate(subnet, "p");
                a.isPresent();
                a = allocator.allocate(subnet, "p")) {
            addresses.add(a.get().toString());
        }

        assertThat(addresses)
                .hasSize(13)
                .doesNotContain("10.0.0.0", "10.0.0.7", "10.0.0.15")
                .doesNotHaveDuplicates();
    }

    @Test
    void anExhaustedSubnetSaysSo() {
        for (int i = 0; i < 5; i++) {
            allocate(allocator, SMALL);
        }

        assertThat(allocator.allocate(SMALL, "port")).isEmpty();
        assertThat(allocator.allocate(SMALL, "port")).isEmpty();
    }

    @Test
    void aReleasedAddressIsHandedOutAgain() {
        for (int i = 0; i < 5; i++) {
            allocate(allocator, SMALL);
        }
        store.remove("small", "10.0.0.4");
        allocator.released("small", IpAddress.parse("10.0.0.4"));

        assertThat(allocate(allocator, SMALL)).isEqualTo("10.0.0.4");
        assertThat(allocator.allocate(SMALL, "port")).isEmpty();
    }

    @Test
    void anAddressReleasedByAnotherProcessIsFoundWhenTheCursorWraps() {
        IpAllocator other = new IpAllocator(store, IpAllocator.Settings.DEFAULT);
        for (int i = 0; i < 5; i++) {
            allocate(allocator, SMALL);
        }
        store.remove("small", "10.0.0.3");
        other.released("small", IpAddress.parse("10.0.0.3"));

        assertThat(allocate(allocator, SMALL)).isEqualTo("10.0.0.3");
    }

    @Test
    void aReleasedFixedIpOutsideThePoolsIsNotHandedOutAutomatically() {
        allocate(allocator, SMALL);
        assertThat(allocator.allocateSpecific("small", IpAddress.parse("10.0.0.7"), "port"))
                .isTrue();
        store.remove("small", "10.0.0.7");
        allocator.released("small", IpAddress.parse("10.0.0.7"));

        assertThat(allocate(allocator, SMALL)).isEqualTo("10.0.0.3");
    }

    @Test
    void aSpecificAddressIsTakenOnce() {
        assertThat(allocator.allocateSpecific("small", IpAddress.parse("10.0.0.5"), "a"))
                .isTrue();
        assertThat(allocator.allocateSpecific("small", IpAddress.parse("10.0.0.5"), "b"))
                .isFalse();
    }

    @Test
    void automaticAllocationSkipsAddressesTakenAsFixedIps() {
        allocator.allocateSpecific("small", IpAddress.parse("10.0.0.2"), "a");
        allocator.allocateSpecific("small", IpAddress.parse("10.0.0.3"), "a");

        assertThat(allocate(allocator, SMALL)).isEqualTo("10.0.0.4");
    }

    @Test
    void ipv6AllocatesSequentiallyFromThePool() {
        Cidr cidr = Cidr.parse("fd00::/64");
        SubnetPools v6 =
                new SubnetPools("v6", 6, List.of(new IpRange(cidr.first().plus(2), cidr.last())));

        assertThat(allocate(allocator, v6)).isEqualTo("fd00::2");
        assertThat(allocate(allocator, v6)).isEqualTo("fd00::3");
        assertThat(allocate(allocator, v6)).isEqualTo("fd00::4");
    }

    @Test
    void ipv6AtTheEndOfThePool() {
        SubnetPools v6 = new SubnetPools("v6", 6, List.of(IpRange.parse("fd00::fffe", "fd00::1:1")));

        assertThat(List.of(
                        allocate(allocator, v6),
                        allocate(allocator, v6),
                        allocate(allocator, v6),
                        allocate(allocator, v6)))
                .containsExactly("fd00::fffe", "fd00::ffff", "fd00::1:0", "fd00::1:1");
        assertThat(allocator.allocate(v6, "port")).isEmpty();
    }

    @Test
    void walksSeveralPoolsInAddressOrder() {
        SubnetPools pools = new SubnetPools(
                "two", 4, List.of(IpRange.parse("10.0.0.100", "10.0.0.101"), IpRange.parse("10.0.0.10", "10.0.0.11")));

        assertThat(List.of(
                        allocate(allocator, pools),
                        allocate(allocator, pools),
                        allocate(allocator, pools),
                        allocate(allocator, pools)))
                .containsExactly("10.0.0.10", "10.0.0.11", "10.0.0.100", "10.0.0.101");
        assertThat(allocator.allocate(pools, "port")).isEmpty();
    }

    @Test
    void readsTheStoreOncePerBatchNotOncePerAllocation() {
        SubnetPools big = new SubnetPools("big", 4, List.of(IpRange.parse("10.0.0.2", "10.0.3.254")));
        for (int i = 0; i < 640; i++) {
            allocate(allocator, big);
        }

        assertThat(store.reads.get()).isEqualTo(10);
    }

    @Test
    void addressesTakenByAnotherProcessAreSkipped() {
        IpAllocator other = new IpAllocator(store, IpAllocator.Settings.DEFAULT);
        SubnetPools pool = new SubnetPools("p", 4, List.of(IpRange.parse("10.0.0.2", "10.0.0.254")));
        assertThat(allocate(allocator, pool)).isEqualTo("10.0.0.2");
        // The other process loses .2 to this one, then takes .3 to .12, which this one holds as candidates.
        for (int i = 0; i < 10; i++) {
            other.allocate(pool, "other");
        }

        String next = allocate(allocator, pool);

        // This one loses a few races, reads the store again and goes on elsewhere in the pool.
        assertThat(IpAddress.parse(next).compareTo(IpAddress.parse("10.0.0.12")))
                .isPositive();
        assertThat(store.held("p")).hasSize(12).containsKey(next);
        assertThat(store.refused.get()).isBetween(2, 5);
    }

    @Test
    void givesUpAfterBoundedAttemptsWhenEveryCandidateIsLost() {
        AddressStore losing = new AddressStore() {
            @Override
            public boolean tryInsert(String subnetId, String address, String portId) {
                return false;
            }

            @Override
            public Collection<String> usedAddresses(String subnetId) {
                return List.of();
            }
        };
        IpAllocator unlucky = new IpAllocator(losing, new IpAllocator.Settings(64, 10, 4));

        assertThatThrownBy(() -> unlucky.allocate(SMALL, "port")).isInstanceOf(AllocationContentionException.class);
    }

    @Test
    void manyThreadsOfTwoProcessesOnASmallSubnetNeverShareAnAddressAndExhaustCleanly() throws Exception {
        // 10.0.0.0/27, gateway .1: 29 addresses for 200 requests from two "processes" sharing one store.
        SubnetPools subnet = new SubnetPools("s27", 4, List.of(IpRange.parse("10.0.0.2", "10.0.0.30")));
        IpAllocator[] processes = {allocator, new IpAllocator(store, IpAllocator.Settings.DEFAULT)};
        AtomicInteger exhausted = new AtomicInteger();
        List<Callable<Optional<IpAddress>>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            IpAllocator process = processes[i % 2];
            String port = "port-" + i;
            tasks.add(() -> {
                Optional<IpAddress> address = process.allocate(subnet, port);
                if (address.isEmpty()) {
                    exhausted.incrementAndGet();
                }
                return address;
            });
        }

        List<IpAddress> taken =
                runTogether(tasks, 32).stream().flatMap(Optional::stream).toList();

        assertThat(taken).hasSize(29).doesNotHaveDuplicates();
        assertThat(exhausted).hasValue(171);
        assertThat(store.held("s27")).hasSize(29);
        assertThat(taken)
                .allMatch(a -> a.compareTo(IpAddress.parse("10.0.0.2")) >= 0
                        && a.compareTo(IpAddress.parse("10.0.0.30")) <= 0);
    }

    @Test
    void aThousandConcurrentAllocationsOnASlash22GiveAThousandDistinctAddresses() throws Exception {
        Cidr cidr = Cidr.parse("10.8.0.0/22");
        SubnetPools subnet = new SubnetPools(
                "s22", 4, List.of(new IpRange(cidr.first().plus(2), cidr.last().plus(-1))));
        IpAllocator[] processes = {allocator, new IpAllocator(store, IpAllocator.Settings.DEFAULT)};
        List<Callable<Optional<IpAddress>>> tasks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            IpAllocator process = processes[i % 2];
            String port = "port-" + i;
            tasks.add(() -> process.allocate(subnet, port));
        }

        List<Optional<IpAddress>> results = runTogether(tasks, 64);

        assertThat(results).allMatch(Optional::isPresent);
        Set<IpAddress> distinct = ConcurrentHashMap.newKeySet();
        results.forEach(r -> distinct.add(r.get()));
        assertThat(distinct).hasSize(1000);
        assertThat(store.held("s22")).hasSize(1000);
    }

    /** Runs the tasks on a pool of threads, all released at once, and collects their results. */
    static <T> List<T> runTogether(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
