package org.novasim.scheduler.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.novasim.scheduler.Hosts.SMALL;
import static org.novasim.scheduler.Hosts.T0;
import static org.novasim.scheduler.Hosts.TINY;
import static org.novasim.scheduler.Hosts.XLARGE;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.novasim.common.compute.HostReport;
import org.novasim.common.compute.HostReports;
import org.novasim.common.instance.ImageSpec;
import org.novasim.common.scheduler.HostClaim;
import org.novasim.common.scheduler.NoValidHostException;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.Selection;
import org.novasim.common.scheduler.Selections;
import org.novasim.common.scheduler.ServerGroupInfo;
import org.novasim.scheduler.Hosts;
import org.novasim.scheduler.filter.ComputeFilter;
import org.novasim.scheduler.filter.ResourcesFilter;
import org.novasim.scheduler.filter.ServerGroupAffinityFilter;
import org.novasim.scheduler.filter.ServerGroupAntiAffinityFilter;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.weigher.RamWeigher;

class HostSelectorTest {

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final HostStateCache cache = new HostStateCache(clock, Duration.ofSeconds(30));
    private final GroupPlacements placements = new GroupPlacements(clock, Duration.ofSeconds(30));
    private final RandomGenerator random =
            RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    private final List<HostClaim> shared = new ArrayList<>();

    private HostSelector selector(int hostSubsetSize, int maxAttempts) {
        return new HostSelector(
                cache,
                placements,
                List.of(
                        new ComputeFilter(Duration.ofSeconds(60)), new ServerGroupAntiAffinityFilter(),
                        new ServerGroupAffinityFilter(), new ResourcesFilter()),
                List.of(new RamWeigher(1.0)),
                hostSubsetSize,
                maxAttempts,
                clock,
                random,
                shared::addAll);
    }

    private void report(HostReport... reports) {
        cache.onReports(new HostReports("svc", T0, List.of(reports)));
    }

    @Test
    void choosesTheHostWithMostFreeRamAndOffersAlternates() {
        report(
                Hosts.used("a", 0, 8192, 0),
                Hosts.used("b", 0, 0, 0),
                Hosts.used("c", 0, 4096, 0),
                Hosts.used("d", 0, 16384, 0));

        Selections selections = selector(1, 3).select(Hosts.spec(TINY), List.of("i1"), true);

        List<Selection> hosts = selections.hostLists().get(0);
        assertThat(hosts).extracting(Selection::host).containsExactly("b", "c", "a");
    }

    @Test
    void withoutAlternatesReturnsOnlyTheChosenHost() {
        report(Hosts.host("a"), Hosts.host("b"));

        assertThat(selector(1, 3)
                        .select(Hosts.spec(TINY), List.of("i1"), false)
                        .hostLists()
                        .get(0))
                .hasSize(1);
    }

    @Test
    void noHostWithRoomIsNoValidHost() {
        report(Hosts.withMemory("a", 1024));

        assertThatThrownBy(() -> selector(1, 3).select(Hosts.spec(SMALL), List.of("i1"), true))
                .isInstanceOf(NoValidHostException.class)
                .hasMessage("No valid host was found. There are not enough hosts available.");
    }

    @Test
    void claimsSoTheSameRoomIsNotHandedOutTwice() {
        report(Hosts.withMemory("a", 4096));
        HostSelector selector = selector(1, 3);

        selector.select(Hosts.spec(SMALL), List.of("i1"), true);
        selector.select(Hosts.spec(SMALL), List.of("i2"), true);

        assertThatThrownBy(() -> selector.select(Hosts.spec(SMALL), List.of("i3"), true))
                .isInstanceOf(NoValidHostException.class);
    }

    @Test
    void multiCreateIsAllOrNothing() {
        report(Hosts.withMemory("a", 4096));
        HostSelector selector = selector(1, 3);

        assertThatThrownBy(() -> selector.select(Hosts.spec(SMALL), List.of("i1", "i2", "i3"), true))
                .isInstanceOf(NoValidHostException.class);
        // The claims of i1 and i2 were given back: two smalls still fit.
        assertThat(selector.select(Hosts.spec(SMALL), List.of("j1", "j2"), true).hostLists())
                .hasSize(2);
    }

    @Test
    void antiAffinityPutsEachMemberOfARequestOnItsOwnHost() {
        report(Hosts.host("a"), Hosts.host("b"), Hosts.host("c"));

        Selections selections =
                selector(1, 1).select(Hosts.inGroup(TINY, "anti-affinity"), List.of("i1", "i2", "i3"), false);

        Set<String> chosen = new HashSet<>();
        selections.hostLists().forEach(list -> chosen.add(list.get(0).host()));
        assertThat(chosen).containsExactlyInAnyOrder("a", "b", "c");
        assertThatThrownBy(() -> selector(1, 1)
                        .select(Hosts.inGroup(TINY, "anti-affinity", "a", "b", "c"), List.of("i4"), false))
                .isInstanceOf(NoValidHostException.class);
    }

    @Test
    void affinityKeepsMembersTogether() {
        report(Hosts.host("a"), Hosts.host("b"), Hosts.host("c"));

        Selections selections = selector(1, 1).select(Hosts.inGroup(TINY, "affinity", "b"), List.of("i1", "i2"), false);

        assertThat(selections.hostLists())
                .allSatisfy(list -> assertThat(list.get(0).host()).isEqualTo("b"));
    }

    @Test
    void neverChoosesIgnoredHostsOrHostsThatStoppedReporting() {
        report(Hosts.host("a"), Hosts.host("b"));
        RequestSpec ignoringA = Hosts.spec(TINY).withIgnoredHost("a");
        assertThat(selector(1, 3)
                        .select(ignoringA, List.of("i1"), true)
                        .hostLists()
                        .get(0))
                .extracting(Selection::host)
                .containsExactly("b");

        HostSelector aMinuteLater = new HostSelector(
                cache,
                placements,
                List.of(new ComputeFilter(Duration.ofSeconds(60))),
                List.of(),
                1,
                3,
                Clock.offset(clock, Duration.ofSeconds(61)),
                random,
                ClaimListener.NONE);
        assertThatThrownBy(() -> aMinuteLater.select(Hosts.spec(TINY), List.of("i2"), true))
                .isInstanceOf(NoValidHostException.class);
    }

    @Test
    void hostSubsetSizeSpreadsChoicesAmongTheBest() {
        IntStream.range(0, 10).forEach(i -> report(Hosts.host("h" + i)));
        HostSelector selector = selector(5, 1);

        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            chosen.add(selector.select(Hosts.spec(TINY), List.of("i" + i), false)
                    .hostLists()
                    .get(0)
                    .get(0)
                    .host());
        }

        assertThat(chosen.size()).isGreaterThan(1);
    }

    @Test
    void largeFlavorsOnlyGoWhereTheyFit() {
        report(Hosts.withMemory("small-host", 8192), Hosts.host("big-host"));

        Selections selections = selector(1, 3).select(Hosts.spec(XLARGE), List.of("i1"), true);

        assertThat(selections.hostLists().get(0)).extracting(Selection::host).containsExactly("big-host");
    }

    @Test
    void disabledHostsAreNeverChosen() {
        report(Hosts.with(Hosts.host("a"), "nova", false, 0, "x86_64", List.of()), Hosts.withMemory("b", 4096));

        for (int i = 0; i < 2; i++) {
            assertThat(selector(1, 3)
                            .select(Hosts.spec(SMALL), List.of("i" + i), true)
                            .hostLists()
                            .get(0))
                    .extracting(Selection::host)
                    .containsExactly("b");
        }
        assertThatThrownBy(() -> selector(1, 3).select(Hosts.spec(SMALL), List.of("i3"), true))
                .as("the disabled host has room, but is not used")
                .isInstanceOf(NoValidHostException.class);
    }

    @Test
    void tellsTheListenerWhatItClaimedAndNothingWhenItFails() {
        report(Hosts.withMemory("a", 4096));

        selector(1, 3).select(Hosts.inGroup(SMALL, "affinity"), List.of("i1", "i2"), true);
        assertThat(shared)
                .extracting(HostClaim::host, HostClaim::instanceUuid, HostClaim::memoryMb, HostClaim::serverGroup)
                .containsExactly(Tuple.tuple("a", "i1", 2048, "g1"), Tuple.tuple("a", "i2", 2048, "g1"));
        shared.clear();

        assertThatThrownBy(() -> selector(1, 3).select(Hosts.spec(SMALL), List.of("i3"), true))
                .isInstanceOf(NoValidHostException.class);
        assertThat(shared).isEmpty();
    }

    @Test
    void antiAffinityHoldsAcrossRequestsBeforeTheDatabaseKnowsTheHosts() {
        report(Hosts.host("a"), Hosts.host("b"));
        HostSelector selector = selector(1, 1);

        String first = selector.select(Hosts.inGroup(TINY, "anti-affinity"), List.of("i1"), false)
                .hostLists()
                .get(0)
                .get(0)
                .host();
        // The conductor's view of the group still has no hosts: the first member's build has not started.
        String second = selector.select(Hosts.inGroup(TINY, "anti-affinity"), List.of("i2"), false)
                .hostLists()
                .get(0)
                .get(0)
                .host();

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> selector.select(Hosts.inGroup(TINY, "anti-affinity"), List.of("i3"), false))
                .isInstanceOf(NoValidHostException.class);
    }

    @Test
    void concurrentRequestsOfAnAntiAffinityGroupNeverShareAHost() throws Exception {
        for (int round = 0; round < 20; round++) {
            String group = "g-round-" + round;
            List<HostReport> hosts = new ArrayList<>();
            for (int h = 0; h < 8; h++) {
                hosts.add(Hosts.host("r" + round + "-h" + h));
            }
            HostStateCache roundCache = new HostStateCache(clock, Duration.ofSeconds(30));
            roundCache.onReports(new HostReports("svc", T0, hosts));
            HostSelector selector = new HostSelector(
                    roundCache,
                    placements,
                    List.of(new ServerGroupAntiAffinityFilter(), new ResourcesFilter()),
                    List.of(new RamWeigher(1.0)),
                    1,
                    1,
                    clock,
                    random,
                    claims -> {});
            RequestSpec spec = new RequestSpec(
                    "p1",
                    TINY,
                    new ImageSpec("img", "cirros", Map.of()),
                    null,
                    Map.of(),
                    new ServerGroupInfo(group, "anti-affinity", List.of()),
                    null);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> chosen = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String uuid = "i" + i;
                    chosen.add(pool.submit(() -> {
                        start.await();
                        return selector.select(spec, List.of(uuid), false)
                                .hostLists()
                                .get(0)
                                .get(0)
                                .host();
                    }));
                }
                start.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<String> host : chosen) {
                    distinct.add(host.get(10, TimeUnit.SECONDS));
                }
                assertThat(distinct).as("round %d", round).hasSize(8);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFailedMultiCreateLeavesNoGroupPlacementsBehind() {
        report(Hosts.withMemory("a", 2048), Hosts.withMemory("b", 4096));

        assertThatThrownBy(() ->
                        selector(1, 1).select(Hosts.inGroup(SMALL, "anti-affinity"), List.of("i1", "i2", "i3"), false))
                .isInstanceOf(NoValidHostException.class);

        assertThat(placements.hostsOf("g1")).isEmpty();
    }
}
