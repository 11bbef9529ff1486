package org.novasim.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.novasim.benchmark.fault.FaultRun;
import org.novasim.benchmark.fault.FaultSettings;
import org.novasim.benchmark.load.Scenario;
import org.novasim.benchmark.rpc.BrokerSettings;
import org.novasim.benchmark.rpc.RpcBaseline;

/**
 * The benchmark's command line:
 * <pre>
 *   java -jar benchmark/target/novasim-benchmark.jar boot-and-delete|boot-and-list [options]   load over the REST API
 *   java -jar benchmark/target/novasim-benchmark.jar jmh [JMH options]                        scheduler and RPC JMH
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args[0].equals("rpc")) {
            Args options = new Args(List.of(args).subList(1, args.length));
            int calls = options.integer("calls", 2000);
            int concurrentCalls = options.integer("concurrent-calls", calls * 4);
            int callers = options.integer("callers", 16);
            options.rejectUnknown();
            BrokerSettings broker = BrokerSettings.fromEnvironment();
            var result = new RpcBaseline(broker).run(calls, concurrentCalls, callers);
            System.out.printf(
                    Locale.ROOT,
                    "RPC on %s: one caller %d calls p50 %.3f ms p90 %.3f ms p99 %.3f ms; "
                            + "%d callers %d calls: %.0f calls/s, p50 %.3f ms p99 %.3f ms, %d failed%n",
                    broker,
                    calls,
                    result.sequentialMs().p50(),
                    result.sequentialMs().p90(),
                    result.sequentialMs().p99(),
                    result.callers(),
                    result.concurrentCalls(),
                    result.callsPerSecond(),
                    result.concurrentMs().p50(),
                    result.concurrentMs().p99(),
                    result.failures());
            System.exit(0);
        }
        if (args[0].equals("boot-under-fault")) {
            FaultSettings faultSettings;
            try {
                faultSettings = FaultOptions.parse(new Args(List.of(args).subList(1, args.length)));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                System.err.println(USAGE);
                System.exit(2);
                return;
            }
            var report = new FaultRun(faultSettings, System.out).run();
            System.exit(report.lostNothing() ? 0 : 1);
        }
        LoadSettings settings;
        try {
            Scenario scenario = Scenario.of(args[0]);
            settings = LoadSettings.parse(scenario, new Args(List.of(args).subList(1, args.length)));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        var report = new LoadCommand(settings, BrokerSettings.fromEnvironment(), System.out).run();
        // Spring AMQP's threads of the RPC baseline are gone; exit with the verdict of the run.
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    static final String USAGE = """
            usage: java -jar benchmark/target/novasim-benchmark.jar SCENARIO [options]
                   java -jar benchmark/target/novasim-benchmark.jar jmh [JMH options, e.g. -l, HostSelector, -prof gc]
                   java -jar benchmark/target/novasim-benchmark.jar rpc [--calls N] [--callers N] [--concurrent-calls N]
                                  the raw RPC round trip alone (broker from RABBITMQ_*)

            scenarios: boot-and-delete, boot-and-list (against a running novasim, over its REST API)
              --url URL             the API (http://127.0.0.1:8774)
              --user U --password P --project P   Keystone credentials (admin / admin / admin)
              --times N             iterations (100)
              --concurrency N       iterations at once (10); in rate mode, the most at once
              --rate R              constant arrival rate, boots per second (0: closed loop)
              --flavor F --image I  flavor (1) and image (cirros) of the servers
              --hosts N             how many hosts the target simulates, for the report
              --network NAME|auto   network of the servers (auto; boot-and-list: novasim-bench, created as
                                    --network-cidr 10.128.0.0/16 when missing)
              --warmup N            iterations before the measured ones, not counted (0)
              --poll-interval D     how often a waiting iteration polls its server (5ms)
              --timeout D           longest wait for ACTIVE or for a delete (60s)
              --max-duration D      no iteration starts after this (15m)
              --events N            iterations whose action events make the stage breakdown (500; 0: none)
              --rpc-calls N         raw RPC baseline: calls from one caller (2000; 0: none), 4x that from
              --rpc-callers N       this many callers at once (16)
              --cleanup true|false  delete the servers the run leaves (true)
              --out DIR             where report.md, report.json and latency.png go
                                    (target/benchmark-results/SCENARIO-TIMESTAMP)

            boot-under-fault: launches at a steady rate while a fault is injected, then how each ended (ACTIVE,
            ERROR by fault, refused with 503, stuck) and what the cloud holds (duplicate addresses, hosts over
            capacity, ports without instance); report.md, report.json and launches.png (the fault shaded)
              --fault F             broker-restart (rabbitmqctl stop_app, start_app), kill:<service> (kill -9 of a
                                    service ./novasim run started), network-cut:<container> (docker network
                                    disconnect, connect), none, custom (default broker-restart)
              --fault-at D --fault-for D   when after the first create, and for how long (1s, 13s): the fault
                                    counts from when its command returns until the lifting command returns
              --fault-start CMD --fault-end CMD   shell commands instead of the named fault's
              --rabbitmq-node N     rabbitmqctl -n N (a broker node other than the local default)
              --novasim-home DIR    where ./novasim run keeps its pid files, for kill:<service> (.)
              --docker-network N    for network-cut (novasim_default)
              --times N --rate R    launches, per second (60, 4)
              --settle D            longest wait for a launch to end before it counts as stuck (120s)
              --cpu-allocation-ratio, --ram-allocation-ratio, --disk-allocation-ratio   the target's (4.0, 1.0, 1.0)
              --url, --user, --password, --project, --flavor, --image, --network, --cleanup, --out   as above
            The exit status is 0 only if nothing was lost (no ERROR, none stuck, no duplicate, no host over capacity).

            The RPC baseline uses the broker in RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD,
            RABBITMQ_VHOST (127.0.0.1:5672 guest/guest /), as ./novasim does.""";
}
