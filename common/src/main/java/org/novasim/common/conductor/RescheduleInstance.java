package org.novasim.common.conductor;

import java.util.List;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.instance.ActionEvent;

/**
 * A build failed on {@code failedHost}, which has already freed the claim and the addresses. The conductor tries
 * the next alternate, or puts the instance in ERROR with the reason as its fault when none is left or
 * {@code retryable} is false (a failure another host cannot fix, such as an exhausted network).
 */
public record RescheduleInstance(BuildInstance build, String failedHost, String reason, boolean retryable,
                                 List<ActionEvent> events) {

    public RescheduleInstance {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
