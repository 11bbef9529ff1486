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
                        sleepUntil(startNanos + fault.at().toNanos());
                        double injected = seconds(startNanos);
                        String startLog = run(fault.inject());
                        double lifted = Double.NaN;
                        String endLog = "";
                        if (fault.lift() != null) {
                            sleepUntil(startNanos
                                    + fault.at().plus(fault.lasting()).toNanos());
                            lifted = seconds(startNanos);
                            endLog = run(fault.lift());
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
