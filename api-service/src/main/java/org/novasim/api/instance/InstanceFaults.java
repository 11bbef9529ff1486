package org.novasim.api.instance;

import java.util.Optional;
import org.novasim.common.instance.VmState;
import org.springframework.stereotype.Component;

/** Why an instance failed, as a server's {@code fault} shows it. */
@Component
public class InstanceFaults {

    private final InstanceFaultRepository faults;

    InstanceFaults(InstanceFaultRepository faults) {
        this.faults = faults;
    }

    /** The latest fault of an instance in ERROR or deleted (only those show one, as in Nova). */
    public Optional<InstanceFault> shownFor(Instance instance) {
        if (instance.vmState() != VmState.ERROR && !instance.isDeleted()) {
            return Optional.empty();
        }
        return faults.findFirstByInstanceUuidOrderByCreatedAtDescIdDesc(instance.uuid());
    }
}
