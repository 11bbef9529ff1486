package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.TaskState;

/** "No task" is NONE in Java and null on the wire, as Nova writes it, so hosts of either kind read each other. */
class TaskStateOnTheWireTest {

    private final RpcCodec codec = new RpcCodec();

    @Test
    void noTaskTravelsAsNullAndComesBackAsNone() {
        InstanceUpdate update =
                InstanceUpdate.task("i1", "h1", List.of(TaskState.NONE, TaskState.POWERING_OFF), TaskState.NONE);

        String json = new String(codec.encode(update), StandardCharsets.UTF_8);
        assertThat(json).contains("\"task_state\":null").contains("\"expected_task_states\":[null,\"powering-off\"]");

        InstanceUpdate read = codec.fromTree(codec.toTree(update), InstanceUpdate.class);
        assertThat(read.taskState()).isEqualTo(TaskState.NONE);
        assertThat(read.expectedTaskStates()).containsExactly(TaskState.NONE, TaskState.POWERING_OFF);
    }

    @Test
    void anAbsentTaskStateIsNone() {
        InstanceUpdate read = codec.decode(
                "{\"instance_uuid\":\"i1\",\"expected_task_states\":[null]}".getBytes(StandardCharsets.UTF_8),
                InstanceUpdate.class);

        assertThat(read.taskState()).isEqualTo(TaskState.NONE);
        assertThat(read.expectedTaskStates()).containsExactly(TaskState.NONE);
    }
}
