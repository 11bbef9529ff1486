package org.novasim.common.conductor;

import java.util.List;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.rpc.Since;

/**
 * A build failed on {@code failedHost}, which has already freed the claim and the addresses. The conductor tries
 * the next alternate, or puts the instance in ERROR with the reason as its fault when none is left or
 * {@code retryable} is false (a failure another host cannot fix, such as an exhausted network).
 *
 * @param claimRefused the host refused the claim (it had no room: the scheduler's view was stale), so the
 *                     instance never ran there; since 1.1, false from older hosts
 */
public record RescheduleInstance(
        BuildInstance build,
        String failedHost,
        String reason,
        boolean retryable,
        List<ActionEvent> events,
        @Since("1.1") boolean claimRefused) {

    public RescheduleInstance {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A build that started on the host and failed there. */
    public RescheduleInstance(
            BuildInstance build, String failedHost, String reason, boolean retryable, List<ActionEvent> events) {
        this(build, failedHost, reason, retryable, events, false);
    }
}
