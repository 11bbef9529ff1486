package org.novasim.api.instance;

import java.time.Instant;
import org.novasim.common.instance.FlavorSpec;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;
import org.novasim.common.network.NetworkInfo;

/** A server, as the API database holds it. */
public record Instance(
        String uuid,
        String displayName,
        String projectId,
        String userId,
        String reservationId,
        int launchIndex,
        FlavorSpec flavor,
        String imageRef,
        VmState vmState,
        TaskState taskState,
        PowerState powerState,
        String host,
        String availabilityZone,
        NetworkInfo networkInfo,
        String keyName,
        Instant launchedAt,
        Instant terminatedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        String userData,
        boolean locked) {

    public Instance {
        taskState = TaskState.orNone(taskState);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
