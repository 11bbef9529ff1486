package org.novasim.benchmark.report;

import java.util.Locale;
import java.util.Map;

/** The report for people: what ran, the headline figures, the launch broken into stages, and how it was measured. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(BenchmarkReport r, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# novasim benchmark: ").append(r.scenario()).append("\n\n");
        md.append("| setting | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : r.settings().entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue())
                    .append(" |\n");
        }
        for (Map.Entry<String, Object> e : r.machine().entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue())
                    .append(" |\n");
        }
        md.append("\n## Results\n\n");
        md.append(f("- iterations: %d, successes: %d, failures: %d\n", r.iterations(), r.successes(), r.failures()));
        md.append(f(
                "- duration: %.2f s, throughput: **%.1f %s per second**\n",
                r.durationSeconds(),
                r.throughput(),
                r.scenario().equals("boot-and-delete") ? "boot+delete" : "boot+list"));
        md.append(f("- polls per iteration: %.1f\n\n", r.pollsPerIteration()));
        md.append("| latency (ms) | count | mean | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        row(md, "launch → ACTIVE (launched_at)", r.launchMs());
        row(md, "launch → ACTIVE seen by polling", r.launchSeenMs());
        row(md, "(polling bracket ±)", r.launchSeenErrorMs());
        row(md, "delete → gone", r.deleteMs());
        row(md, "list servers", r.listMs());
        row(md, "start lag (rate mode)", r.startLagMs());
        md.append("\n![latency over time](").append(chartFile).append(")\n");

        md.append("\n## Where a launch spends its time\n\n");
        if (r.stages().isEmpty()) {
            md.append("No action events were read (the API has no os-instance-actions, or `--events 0`).\n");
        } else {
            if (!r.eventTimesSubSecond()) {
                md.append("**The API gives event times to the second only: the figures below cannot resolve "
                        + "milliseconds.**\n\n");
            }
            md.append(f(
                    "From the instance action events of %d sampled iterations (read as soon as the server was ACTIVE). "
                            + "Segments marked ✉ are hops over the broker, with the queueing behind them.\n\n",
                    r.stageSamples()));
            md.append("| stage | what | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
            for (StageSummary s : r.stages()) {
                Percentiles p = s.ms();
                md.append(f(
                        "| %s%s | %s | %.2f | %.2f | %.2f | %.2f |\n",
                        s.messaging() ? "✉ " : "", s.stage(), s.what(), p.p50(), p.p90(), p.p99(), p.max()));
            }
            if (!Double.isNaN(r.messagingShareOfLaunch())) {
                md.append(f(
                        "\nMessaging (the ✉ hops plus one raw RPC round trip, from the baseline below, for each "
                                + "of the six calls on a launch's path: select_destinations, allocate_for_instance and four "
                                + "instance updates to the conductor) is **%.0f %%** of the median launch.\n",
                        100 * r.messagingShareOfLaunch()));
            }
        }
        if (r.rpcBaseline() != null) {
            var b = r.rpcBaseline();
            md.append("\n## Baseline: raw RPC round trip on the same broker\n\n");
            md.append("novasim's RpcClient/RpcServer with a trivial echo handler on an exchange of its own: the same "
                    + "code, settings and broker as the services' calls (mandatory, publisher confirms, a durable "
                    + "queue, transient call messages, replies on a per-process reply queue).\n\n");
            md.append(
                    "| calls | callers | calls/s | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
            md.append(f(
                    "| %d | 1 | %.0f | %.3f | %.3f | %.3f | %.3f |\n",
                    b.sequentialCalls(),
                    1000.0 / b.sequentialMs().mean(),
                    b.sequentialMs().p50(),
                    b.sequentialMs().p90(),
                    b.sequentialMs().p99(),
                    b.sequentialMs().max()));
            md.append(f(
                    "| %d | %d | %.0f | %.3f | %.3f | %.3f | %.3f |\n",
                    b.concurrentCalls(),
                    b.callers(),
                    b.callsPerSecond(),
                    b.concurrentMs().p50(),
                    b.concurrentMs().p90(),
                    b.concurrentMs().p99(),
                    b.concurrentMs().max()));
        }
        if (!r.failureSamples().isEmpty()) {
            md.append("\n## Failures (first few)\n\n");
            r.failureSamples().forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append("\n## How it is measured\n\n");
        md.append(f(
                "Launch → ACTIVE runs from the moment the client sends the boot request to the server's "
                        + "`OS-SRV-USG:launched_at`, which its compute host sets when the spawn is done (one call to the "
                        + "conductor before the API shows ACTIVE). Client and services share this machine's clock. %d of %d "
                        + "launches were timed so; the others (an API showing launched_at to the second only) by polling.\n\n",
                r.launchesTimedByLaunchedAt(), r.successes()));
        md.append("The client still polls `GET /servers/{id}` to know when to go on: every poll interval at first, "
                + "then every half of the time waited so far, because each GET costs api-service CPU that the "
                + "launches need. The change happened between the last poll that did not see it and the answer of "
                + "the first that did: the midpoint is the \"seen by polling\" figure, half the bracket its "
                + "worst-case error. Delete → gone is measured that way, until the GET is a 404. The stage "
                + "breakdown comes from the create action's events of a sample of the iterations, read as soon as "
                + "the server is ACTIVE, outside the measured spans (the API shows live servers' actions only).\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Percentiles p) {
        if (p.count() == 0) {
            return;
        }
        md.append(f(
                "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
                name, p.count(), p.mean(), p.p50(), p.p90(), p.p99(), p.max()));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
