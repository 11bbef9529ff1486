package org.novasim.benchmark.jmh;

import java.util.concurrent.TimeUnit;
import org.novasim.benchmark.rpc.BrokerSettings;
import org.novasim.benchmark.rpc.EchoRpc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * novasim's RPC call (RpcClient → broker → RpcServer → reply queue → RpcClient) on the real broker named by the
 * RABBITMQ_* variables (127.0.0.1:5672 by default): the latency of one caller, and the throughput of 16 callers
 * sharing one client, as the services' threads share theirs.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class RpcRoundTripBenchmark {

    /** Bytes of padding in the request: 0 for the bare floor, ~2 KB is the size of a build request. */
    @Param({"0", "2000"})
    public int payload;

    private EchoRpc rpc;

    @Setup(Level.Trial)
    public void setUp() {
        rpc = new EchoRpc(BrokerSettings.fromEnvironment(), 16, payload);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rpc.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object oneCaller() {
        return rpc.call();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public Object sixteenCallers() {
        return rpc.call();
    }
}
