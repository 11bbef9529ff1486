package org.novasim.benchmark.fault;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** Injects the fault at its time after the first create and lifts it after its duration, on a thread of its own. */
final class FaultInjector {

    private FaultInjector() {}

    static CompletableFuture<FaultWindow> start(Fault fault, long startNanos) {
        CompletableFuture<FaultWindow> window = new CompletableFuture<>();
        if (fault.inject() == null) {
            window.complete(new FaultWindow(fault.name(), Double.NaN, Double.NaN, "", ""));
            return window;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        // The fault counts from when its command returns, not from when it was started: under
                        // load rabbitmqctl takes seconds to boot its own Erlang VM before the broker even hears
                        // of stop_app (15 s at load 30), and start_app returns once the broker is back.
                        sleepUntil(startNanos + fault.at().toNanos());
                        String startLog = run(fault.inject());
                        long injectedNanos = System.nanoTime();
                        double injected = seconds(startNanos);
                        double lifted = Double.NaN;
                        String endLog = "";
                        if (fault.lift() != null) {
                            sleepUntil(injectedNanos + fault.lasting().toNanos());
                            endLog = run(fault.lift());
                            lifted = seconds(startNanos);
                        }
                        window.complete(new FaultWindow(fault.name(), injected, lifted, startLog, endLog));
                    } catch (RuntimeException e) {
                        window.completeExceptionally(e);
                    }
                },
                "fault-injector");
        thread.setDaemon(true);
        thread.start();
        return window;
    }

    private static String run(FaultAction action) {
        try {
            return action.run();
        } catch (Exception e) {
            return action + " failed: " + e;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
