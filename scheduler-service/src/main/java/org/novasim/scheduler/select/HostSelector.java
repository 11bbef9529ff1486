package org.novasim.scheduler.select;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.novasim.common.scheduler.NoValidHostException;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.Selection;
import org.novasim.common.scheduler.Selections;
import org.novasim.scheduler.filter.FilterRequest;
import org.novasim.scheduler.filter.HostFilter;
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
 * <p>Only the best few hosts are kept while weighing (a bounded heap, not a sort of every host), so a decision
 * among 10,000 hosts costs one pass over them.
 */
public final class HostSelector {

    private record Weighed(HostState host, double weight) {
    }

    private static final int RANKING_ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(HostSelector.class);

    private final HostStateCache hosts;
    private final List<HostFilter> filters;
    private final List<HostWeigher> weighers;
    private final int hostSubsetSize;
    private final int maxAttempts;
    private final Clock clock;
    private final RandomGenerator random;

    public HostSelector(HostStateCache hosts, List<HostFilter> filters, List<HostWeigher> weighers,
                        int hostSubsetSize, int maxAttempts, Clock clock, RandomGenerator random) {
        this.hosts = hosts;
        this.filters = List.copyOf(filters);
        this.weighers = List.copyOf(weighers);
        this.hostSubsetSize = Math.max(1, hostSubsetSize);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.clock = clock;
        this.random = random;
    }

    public Selections select(RequestSpec spec, List<String> instanceUuids, boolean returnAlternates) {
        Set<String> groupHosts = new HashSet<>(spec.serverGroup() == null ? List.of() : spec.serverGroup().hosts());
        List<List<Selection>> hostLists = new ArrayList<>();
        List<HostState> claimedOn = new ArrayList<>();
        try {
            for (String uuid : instanceUuids) {
                List<HostState> ranked = List.of();
                HostState chosen = null;
                // A claim fails only when a concurrent request took the room first; ranking again leaves such
                // hosts out, since they no longer fit.
                for (int round = 0; round < RANKING_ROUNDS && chosen == null; round++) {
                    ranked = rank(new FilterRequest(spec, Set.copyOf(groupHosts), clock.instant()));
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
                hostLists.add(hostList(chosen, ranked, returnAlternates));
            }
            log.info("{} go to {}", instanceUuids, hostLists.stream().map(list -> list.get(0).host()).toList());
            return new Selections(hostLists);
        } catch (RuntimeException e) {
            for (int i = 0; i < claimedOn.size(); i++) {
                claimedOn.get(i).release(instanceUuids.get(i));
            }
            throw e;
        }
    }

    /** The best hosts for the request, best first: enough to pick among and to offer as alternates. */
    private List<HostState> rank(FilterRequest request) {
        List<HostState> candidates = new ArrayList<>();
        for (HostState host : hosts.all()) {
            if (!request.spec().ignoreHosts().contains(host.host()) && passesAll(host, request)) {
                candidates.add(host);
            }
        }
        double[] weights = weigh(candidates, request.spec());
        int keep = hostSubsetSize + maxAttempts + 8;
        PriorityQueue<Weighed> best = new PriorityQueue<>((a, b) -> Double.compare(a.weight(), b.weight()));
        for (int i = 0; i < candidates.size(); i++) {
            best.add(new Weighed(candidates.get(i), weights[i]));
            if (best.size() > keep) {
                best.poll();
            }
        }
        List<HostState> ranked = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            ranked.add(0, best.poll().host());
        }
        return ranked;
    }

    private boolean passesAll(HostState host, FilterRequest request) {
        for (HostFilter filter : filters) {
            if (!filter.passes(host, request)) {
                return false;
            }
        }
        return true;
    }

    /** Sum over weighers of multiplier x raw weight normalised to 0..1 across the candidates, as Nova does. */
    private double[] weigh(List<HostState> candidates, RequestSpec spec) {
        double[] total = new double[candidates.size()];
        double[] raw = new double[candidates.size()];
        for (HostWeigher weigher : weighers) {
            if (weigher.multiplier() == 0.0) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < raw.length; i++) {
                raw[i] = weigher.rawWeight(candidates.get(i), spec);
                min = Math.min(min, raw[i]);
                max = Math.max(max, raw[i]);
            }
            if (max > min) {
                for (int i = 0; i < raw.length; i++) {
                    total[i] += weigher.multiplier() * (raw[i] - min) / (max - min);
                }
            }
        }
        return total;
    }

    /** Claims on one of the best {@code hostSubsetSize} hosts, falling back to the next when a claim races. */
    private HostState claimOne(List<HostState> ranked, String uuid, RequestSpec spec) {
        List<HostState> remaining = new ArrayList<>(ranked);
        while (!remaining.isEmpty()) {
            int pick = random.nextInt(Math.min(hostSubsetSize, remaining.size()));
            HostState host = remaining.remove(pick);
            if (host.claim(uuid, spec.flavor(), clock.instant())) {
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
