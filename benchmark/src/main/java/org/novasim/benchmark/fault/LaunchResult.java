package org.novasim.benchmark.fault;

import java.time.Instant;

/**
 * One launch under a fault.
 *
 * @param startSeconds when its create was sent, in seconds since the first create
 * @param postSentAt   the wall-clock time of the create
 * @param createStatus the create's HTTP status (0: no answer)
 * @param serverId     the server's id, if it was created
 * @param outcome      how it ended
 * @param endSeconds   create sent → its end seen (ACTIVE or ERROR), or the wait given up (STUCK); NaN when refused
 * @param detail       the fault of a server in ERROR, or what the create answered
 */
public record LaunchResult(
        int index,
        double startSeconds,
        Instant postSentAt,
        int createStatus,
        String serverId,
        Outcome outcome,
        double endSeconds,
        String detail) {}
