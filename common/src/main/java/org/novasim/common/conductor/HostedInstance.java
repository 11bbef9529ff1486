package org.novasim.common.conductor;

import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;

/** An instance the database places on a host, with what it holds there and the states it was last in. */
public record HostedInstance(
        String uuid, String host, FlavorSpec flavor, VmState vmState, TaskState taskState, PowerState powerState) {

    public HostedInstance {
        taskState = TaskState.orNone(taskState);
    }
}
