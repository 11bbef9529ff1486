package org.novasim.api.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.novasim.api.hypervisor.ComputeNodes;
import org.novasim.common.compute.HostReport;
import org.springframework.stereotype.Component;

/**
 * The hosts side of the dashboard, from the hosts' last reports (kept in memory by the API): one compact row per
 * host, so 10,000 hosts cost the browser one array, and each tick sends only the rows that changed.
 */
@Component
class HostFeed {

    /** The meaning of each position of a host row, sent once with the snapshot. */
    static final List<String> COLUMNS = List.of(
            "name",
            "zone",
            "state",
            "vcpus",
            "vcpusUsed",
            "memoryMb",
            "memoryMbUsed",
            "diskGb",
            "diskGbUsed",
            "runningVms",
            "workload",
            "disabledReason");

    static final int UP = 0;
    static final int DOWN = 1;
    static final int DISABLED = 2;
    static final int FORCED_DOWN = 3;

    /** What changed since the last tick: rows to add or replace, and names of hosts that are gone. */
    record Delta(List<List<Object>> rows, List<String> gone) {}

    private final ComputeNodes nodes;
    private Map<String, List<Object>> last = new HashMap<>();

    HostFeed(ComputeNodes nodes) {
        this.nodes = nodes;
    }

    /** Every host now (the snapshot a browser starts from). */
    List<List<Object>> all() {
        return new ArrayList<>(rows().values());
    }

    /** One host's row, if the API knows the host. */
    Optional<List<Object>> row(String name) {
        return Optional.ofNullable(rows().get(name));
    }

    /** The rows that differ from the previous call's, and the hosts gone since. Called once per tick. */
    synchronized Delta delta() {
        Map<String, List<Object>> now = rows();
        List<List<Object>> changed = new ArrayList<>();
        now.forEach((name, row) -> {
            if (!row.equals(last.get(name))) {
                changed.add(row);
            }
        });
        Set<String> gone = new HashSet<>(last.keySet());
        gone.removeAll(now.keySet());
        last = now;
        return new Delta(changed, List.copyOf(gone));
    }

    private Map<String, List<Object>> rows() {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (ComputeNodes.Node node : nodes.all()) {
            HostReport r = node.report();
            if (r == null) {
                continue;
            }
            // Capacities as the scheduler counts them: after reserved memory and allocation ratios.
            rows.put(
                    r.host(),
                    List.of(
                            r.host(),
                            node.service().zone() == null ? "" : node.service().zone(),
                            state(node),
                            (int) Math.floor(r.vcpus() * r.cpuAllocationRatio()),
                            r.vcpusUsed(),
                            (int) Math.floor((r.memoryMb() - r.reservedHostMemoryMb()) * r.ramAllocationRatio()),
                            r.memoryMbUsed(),
                            (int) Math.floor(r.localGb() * r.diskAllocationRatio()),
                            r.localGbUsed(),
                            r.runningVms(),
                            r.currentWorkload(),
                            node.service().disabledReason() == null
                                    ? ""
                                    : node.service().disabledReason()));
        }
        return rows;
    }

    private static int state(ComputeNodes.Node node) {
        if (node.service().forcedDown()) {
            return FORCED_DOWN;
        }
        if (!node.up()) {
            return DOWN;
        }
        return node.service().disabled() ? DISABLED : UP;
    }
}
