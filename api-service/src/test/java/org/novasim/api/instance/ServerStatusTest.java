package org.novasim.api.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.novasim.common.instance.TaskState;
import org.novasim.common.instance.VmState;

class ServerStatusTest {

    @Test
    void mapsStatesAsNovaDoes() {
        assertThat(ServerStatus.of(VmState.BUILDING, TaskState.SCHEDULING)).isEqualTo("BUILD");
        assertThat(ServerStatus.of(VmState.BUILDING, TaskState.SPAWNING)).isEqualTo("BUILD");
        assertThat(ServerStatus.of(VmState.ACTIVE, TaskState.NONE)).isEqualTo("ACTIVE");
        assertThat(ServerStatus.of(VmState.ACTIVE, TaskState.DELETING))
                .as("deleting keeps the status")
                .isEqualTo("ACTIVE");
        assertThat(ServerStatus.of(VmState.ACTIVE, TaskState.REBOOTING)).isEqualTo("REBOOT");
        assertThat(ServerStatus.of(VmState.ACTIVE, TaskState.REBOOT_STARTED_HARD))
                .isEqualTo("HARD_REBOOT");
        assertThat(ServerStatus.of(VmState.ACTIVE, TaskState.POWERING_OFF)).isEqualTo("ACTIVE");
        assertThat(ServerStatus.of(VmState.STOPPED, TaskState.NONE)).isEqualTo("SHUTOFF");
        assertThat(ServerStatus.of(VmState.ERROR, TaskState.NONE)).isEqualTo("ERROR");
        assertThat(ServerStatus.of(VmState.DELETED, TaskState.NONE)).isEqualTo("DELETED");
    }

    @Test
    void statusFilterFindsTheVmState() {
        assertThat(ServerStatus.vmStateOf("active")).isEqualTo(VmState.ACTIVE);
        assertThat(ServerStatus.vmStateOf("SHUTOFF")).isEqualTo(VmState.STOPPED);
        assertThat(ServerStatus.vmStateOf("BUILD")).isEqualTo(VmState.BUILDING);
        assertThat(ServerStatus.vmStateOf("WHATEVER")).isNull();
    }
}
