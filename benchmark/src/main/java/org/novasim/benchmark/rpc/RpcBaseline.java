package org.novasim.benchmark.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.novasim.benchmark.report.Percentiles;

/**
 * The raw RPC round trip on the broker the cloud uses, measured in the same run as the load: one caller in a loop
 * (the latency floor of a call), then many callers at once (the throughput the RPC layer gives on this machine).
 */
public final class RpcBaseline {

    public record Result(
            int sequentialCalls,
            Percentiles sequentialMs,
            int concurrentCalls,
            int callers,
            double callsPerSecond,
            Percentiles concurrentMs,
            int failures) {}

    private final BrokerSettings broker;

    public RpcBaseline(BrokerSettings broker) {
        this.broker = broker;
    }

    public Result run(int sequentialCalls, int concurrentCalls, int callers) throws InterruptedException {
        try (EchoRpc rpc = new EchoRpc(broker, 16, 0)) {
            for (int i = 0; i < Math.min(500, sequentialCalls); i++) {
                rpc.call(); // warm-up: connections, channels, JIT
            }
            double[] sequential = new double[sequentialCalls];
            for (int i = 0; i < sequentialCalls; i++) {
                long start = System.nanoTime();
                rpc.call();
                sequential[i] = (System.nanoTime() - start) / 1e6;
            }
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                int perCaller = concurrentCalls / callers;
                long start = System.nanoTime();
                List<Future<double[]>> futures = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    futures.add(pool.submit(() -> {
                        double[] times = new double[perCaller];
                        for (int i = 0; i < perCaller; i++) {
                            long t = System.nanoTime();
                            rpc.call();
                            times[i] = (System.nanoTime() - t) / 1e6;
                        }
                        return times;
                    }));
                }
                List<Double> all = new ArrayList<>();
                int failures = 0;
                for (Future<double[]> future : futures) {
                    try {
                        Arrays.stream(future.get(120, TimeUnit.SECONDS)).forEach(all::add);
                    } catch (ExecutionException | TimeoutException e) {
                        failures++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result(
                        sequentialCalls,
                        Percentiles.of(sequential),
                        perCaller * callers,
                        callers,
                        all.size() / seconds,
                        Percentiles.of(
                                all.stream().mapToDouble(Double::doubleValue).toArray()),
                        failures);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
