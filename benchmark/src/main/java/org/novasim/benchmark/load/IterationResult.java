package org.novasim.benchmark.load;

import java.time.Instant;

/**
 * What one iteration measured. Times in milliseconds; NaN where the iteration did not get that far.
 *
 * @param startMs          when the boot request was sent, since the start of the run
 * @param startLagMs       how late it was sent against its schedule (rate mode: a saturated cloud falls behind)
 * @param postSentAt       the wall-clock time the boot request was sent (to line up with the server's times)
 * @param launchMs         boot request sent until the server's {@code launched_at} (its host finished spawning it);
 *                         the polled estimate where the API gives no sub-second launched_at
 * @param launchSeenMs     boot request sent until a poll saw ACTIVE (estimate, see {@link Observation})
 * @param launchSeenErrorMs worst-case error of that estimate (half the polling bracket)
 * @param launchedAt       the server's launched_at (or the polled estimate), wall clock
 * @param activeSeenAt     when a poll saw ACTIVE (estimate), wall clock
 * @param deleteMs         delete request sent until the server is gone (boot-and-delete; polled estimate)
 * @param listMs           the list request's round trip (boot-and-list)
 * @param polls            GETs made to watch this iteration's server
 * @param error            why the iteration failed, or null
 */
public record IterationResult(
        int index,
        double startMs,
        double startLagMs,
        Instant postSentAt,
        String serverId,
        String createRequestId,
        String deleteRequestId,
        double launchMs,
        double launchSeenMs,
        double launchSeenErrorMs,
        Instant launchedAt,
        Instant activeSeenAt,
        double deleteMs,
        double listMs,
        int polls,
        String error) {

    public boolean ok() {
        return error == null;
    }

    static IterationResult failed(
            int index,
            double startMs,
            double startLagMs,
            Instant postSentAt,
            String serverId,
            String createRequestId,
            int polls,
            String error) {
        return new IterationResult(
                index,
                startMs,
                startLagMs,
                postSentAt,
                serverId,
                createRequestId,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                null,
                null,
                Double.NaN,
                Double.NaN,
                polls,
                error);
    }
}
