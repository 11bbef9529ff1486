package org.novasim.scheduler.select;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;
import org.novasim.common.scheduler.HostClaim;
import org.novasim.common.scheduler.NoValidHostException;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.Selection;
import org.novasim.common.scheduler.Selections;
import org.novasim.scheduler.filter.FilterRequest;
import org.novasim.scheduler.filter.HostFilter;
import org.novasim.scheduler.host.GroupPlacements;
import org.novasim.scheduler.host.HostState;
import org.novasim.scheduler.host.HostStateCache;
import org.novasim.scheduler.weigher.HostWeigher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's FilterScheduler._schedule in plain Java. For each instance of a request, in turn: filter every known
 * host, weigh the survivors, pick at random among the best {@code hostSubsetSize}, claim the instance's resources
 * on it, and keep the next best hosts as alternates. Either every instance of the request gets a host or none
 * does: on failure the claims already made are given back and NoValidHost is raised.
 *
 * <p>Only the best few hosts are kept while weighing (a short sorted array, not a sort of every host), so a
 * decision among 10,000 hosts costs one pass to filter and one per weigher over the survivors.
 */
public final class HostSelector {

    private static final int RANKING_ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(HostSelector.class);

    private final HostStateCache hosts;
    private final GroupPlacements groups;
    private final List<HostFilter> filters;
    private final HostFilter[] filterArray;
    private final HostWeigher[] weighers;
    private final int hostSubsetSize;
    private final int maxAttempts;
    private final Clock clock;
    private final RandomGenerator random;
    private final ClaimListener listener;
    private final ConcurrentMap<String, Object> groupLocks = new ConcurrentHashMap<>();

    public HostSelector(
            HostStateCache hosts,
            GroupPlacements groups,
            List<HostFilter> filters,
            List<HostWeigher> weighers,
            int hostSubsetSize,
            int maxAttempts,
            Clock clock,
            RandomGenerator random,
            ClaimListener listener) {
        this.hosts = hosts;
        this.groups = groups;
        this.filters = List.copyOf(filters);
        this.filterArray = filters.toArray(new HostFilter[0]);
        this.weighers = weighers.stream().filter(w -> w.multiplier() != 0.0).toArray(HostWeigher[]::new);
        this.hostSubsetSize = Math.max(1, hostSubsetSize);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.clock = clock;
        this.random = random;
        this.listener = listener;
    }

    public List<HostFilter> filters() {
        return filters;
    }

    public Selections select(RequestSpec spec, List<String> instanceUuids, boolean returnAlternates) {
        String group = spec.serverGroup() == null ? null : spec.serverGroup().uuid();
        if (group == null) {
            return decide(spec, group, instanceUuids, returnAlternates);
        }
        // One request of a server group at a time: each must see where the others went, or two concurrent members
        // of an anti-affinity group both pass the filter before either is placed, and share a host.
        synchronized (groupLocks.computeIfAbsent(group, g -> new Object())) {
            return decide(spec, group, instanceUuids, returnAlternates);
        }
    }

    private Selections decide(RequestSpec spec, String group, List<String> instanceUuids, boolean returnAlternates) {
        Set<String> groupHosts = new HashSet<>(
                spec.serverGroup() == null ? List.of() : spec.serverGroup().hosts());
        groupHosts.addAll(groups.hostsOf(group));
        Set<String> ignored = Set.copyOf(spec.ignoreHosts());
        List<List<Selection>> hostLists = new ArrayList<>();
        List<HostState> claimedOn = new ArrayList<>();
        try {
            for (String uuid : instanceUuids) {
                List<HostState> ranked = List.of();
                HostState chosen = null;
                // A claim fails only when a concurrent request took the room first; ranking again leaves such
                // hosts out, since they no longer fit.
                for (int round = 0; round < RANKING_ROUNDS && chosen == null; round++) {
                    ranked = rank(new FilterRequest(spec, Set.copyOf(groupHosts), clock.instant()), ignored);
                    chosen = claimOne(ranked, uuid, spec);
                    if (ranked.isEmpty()) {
                        break;
                    }
                }
                if (chosen == null) {
                    throw new NoValidHostException();
                }
                claimedOn.add(chosen);
                groupHosts.add(chosen.host());
                groups.placed(group, uuid, chosen.host());
                hostLists.add(hostList(chosen, ranked, returnAlternates));
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < claimedOn.size(); i++) {
                claimedOn.get(i).release(instanceUuids.get(i));
                groups.forget(group, instanceUuids.get(i));
            }
            throw e;
        }
        log.info(
                "{} go to {}",
                instanceUuids,
                hostLists.stream().map(list -> list.get(0).host()).toList());
        List<HostClaim> claims = new ArrayList<>(claimedOn.size());
        for (int i = 0; i < claimedOn.size(); i++) {
            claims.add(new HostClaim(
                    claimedOn.get(i).host(),
                    instanceUuids.get(i),
                    spec.flavor().vcpus(),
                    spec.flavor().memoryMb(),
                    spec.flavor().diskGb(),
                    group));
        }
        listener.claimed(claims);
        return new Selections(hostLists);
    }

    /**
     * Arrays a decision works in, kept per thread and grown as hosts appear: at 10,000 hosts a fresh set per
     * decision was 200 KB of garbage, and young collections showed in the slowest decisions.
     */
    private static final class Scratch {
        HostState[] candidates = new HostState[0];
        double[] total = new double[0];
        double[] raw = new double[0];

        void fit(int size) {
            if (candidates.length < size) {
                candidates = new HostState[size];
                total = new double[size];
                raw = new double[size];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The best hosts for the request, best first: enough to pick among and to offer as alternates. */
    private List<HostState> rank(FilterRequest request, Set<String> ignored) {
        HostState[] all = hosts.array();
        Scratch scratch = SCRATCH.get();
        scratch.fit(all.length);
        HostState[] candidates = scratch.candidates;
        int count = 0;
        for (HostState host : all) {
            if ((ignored.isEmpty() || !ignored.contains(host.host())) && passesAll(host, request)) {
                candidates[count++] = host;
            }
        }
        weigh(candidates, count, request.spec(), scratch);
        List<HostState> best = best(candidates, scratch.total, count, hostSubsetSize + maxAttempts + 8);
        // The array outlives the decision: do not keep hosts reachable from it.
        Arrays.fill(candidates, 0, count, null);
        return best;
    }

    private boolean passesAll(HostState host, FilterRequest request) {
        for (HostFilter filter : filterArray) {
            if (!filter.passes(host, request)) {
                return false;
            }
        }
        return true;
    }

    /** Sum over weighers of multiplier x raw weight normalised to 0..1 across the candidates, as Nova does. */
    private void weigh(HostState[] candidates, int count, RequestSpec spec, Scratch scratch) {
        double[] total = scratch.total;
        double[] raw = scratch.raw;
        Arrays.fill(total, 0, count, 0.0);
        for (HostWeigher weigher : weighers) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                double weight = weigher.rawWeight(candidates[i], spec);
                raw[i] = weight;
                if (weight < min) {
                    min = weight;
                }
                if (weight > max) {
                    max = weight;
                }
            }
            if (max > min) {
                double scale = weigher.multiplier() / (max - min);
                for (int i = 0; i < count; i++) {
                    total[i] += (raw[i] - min) * scale;
                }
            }
        }
    }

    /** The {@code keep} heaviest candidates, heaviest first; among equals, the earlier candidate first. */
    private static List<HostState> best(HostState[] candidates, double[] weights, int count, int keep) {
        int size = Math.min(keep, count);
        HostState[] top = new HostState[size];
        double[] topWeights = new double[size];
        int filled = 0;
        for (int i = 0; i < count; i++) {
            double weight = weights[i];
            if (filled == size && weight <= topWeights[size - 1]) {
                continue;
            }
            int at = filled < size ? filled++ : size - 1;
            while (at > 0 && topWeights[at - 1] < weight) {
                topWeights[at] = topWeights[at - 1];
                top[at] = top[at - 1];
                at--;
            }
            topWeights[at] = weight;
            top[at] = candidates[i];
        }
        return List.of(top);
    }

    /** Claims on one of the best {@code hostSubsetSize} hosts, falling back to the next when a claim races. */
    private HostState claimOne(List<HostState> ranked, String uuid, RequestSpec spec) {
        List<HostState> remaining = new ArrayList<>(ranked);
        Instant now = clock.instant();
        while (!remaining.isEmpty()) {
            int pick = random.nextInt(Math.min(hostSubsetSize, remaining.size()));
            HostState host = remaining.remove(pick);
            if (host.claim(uuid, spec.flavor(), now)) {
                return host;
            }
        }
        return null;
    }

    private List<Selection> hostList(HostState chosen, List<HostState> ranked, boolean returnAlternates) {
        List<Selection> list = new ArrayList<>();
        list.add(selection(chosen));
        if (returnAlternates) {
            for (HostState alternate : ranked) {
                if (list.size() >= maxAttempts) {
                    break;
                }
                if (alternate != chosen) {
                    list.add(selection(alternate));
                }
            }
        }
        return list;
    }

    private static Selection selection(HostState host) {
        return new Selection(host.host(), host.host(), host.report().availabilityZone());
    }
}
