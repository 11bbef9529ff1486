package org.novasim.benchmark.report;

import java.util.List;
import java.util.Map;
import org.novasim.benchmark.load.IterationResult;
import org.novasim.benchmark.rpc.RpcBaseline;

/**
 * Everything one run measured; written as JSON as it is, and as Markdown for people.
 *
 * @param settings        the command's options and what the target is (hosts, URL, broker)
 * @param machine         cores, load before and after, JVM
 * @param durationSeconds first boot request sent until the last iteration ended
 * @param throughput      finished iterations per second (boot+delete or boot+list per second)
 * @param launchMs        boot request sent → the server's launched_at (see the method notes)
 * @param launchSeenMs    boot request sent → a poll saw ACTIVE (estimate: midpoint of the polling bracket)
 * @param launchSeenErrorMs half the polling bracket of those estimates: how far off each one can be
 * @param launchesTimedByLaunchedAt iterations whose launch time comes from launched_at (the rest: from polling)
 * @param messagingShareOfLaunch the share of the median launch spent in hops over the broker (NaN without events)
 * @param failureSamples  the first few failure messages
 */
public record BenchmarkReport(
        String scenario,
        Map<String, Object> settings,
        Map<String, Object> machine,
        int iterations,
        int successes,
        int failures,
        double durationSeconds,
        double throughput,
        Percentiles launchMs,
        Percentiles launchSeenMs,
        Percentiles launchSeenErrorMs,
        long launchesTimedByLaunchedAt,
        Percentiles deleteMs,
        Percentiles listMs,
        Percentiles startLagMs,
        double pollsPerIteration,
        boolean eventTimesSubSecond,
        int stageSamples,
        List<StageSummary> stages,
        double messagingShareOfLaunch,
        RpcBaseline.Result rpcBaseline,
        List<String> failureSamples,
        List<IterationResult> results) {}
