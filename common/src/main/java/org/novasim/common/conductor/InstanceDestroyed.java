package org.novasim.common.conductor;

import java.util.List;
import org.novasim.common.instance.ActionEvent;

/** The host has deleted the instance and freed what it held; the record can go. */
public record InstanceDestroyed(String instanceUuid, String host, List<ActionEvent> events) {

    public InstanceDestroyed {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
