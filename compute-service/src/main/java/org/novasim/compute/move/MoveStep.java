package org.novasim.compute.move;

import org.novasim.common.compute.ComputeApi;
import org.novasim.common.compute.MigrationInfo;
import org.novasim.common.compute.MoveInstance;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.TaskState;
import org.novasim.common.rpc.RpcMethod;

/**
 * The steps of a resize or cold migration between two hosts, in Nova's order: the destination claims
 * ({@link #PREP}), the source powers the guest off and sends its disk ({@link #RESIZE}), the destination starts it
 * ({@link #FINISH}) and the instance waits in VERIFY_RESIZE. Then either the source lets go ({@link #CONFIRM}), or
 * the destination lets go ({@link #REVERT}) and the source takes the guest back ({@link #FINISH_REVERT}). Each step
 * names the host that does it, the task state it expects, the migration status it leaves, and the step it hands
 * over to.
 */
enum MoveStep {
    PREP(ComputeApi.PREP_RESIZE, Side.DEST, ActionEvent.PREP_RESIZE, TaskState.RESIZE_PREP, null),
    RESIZE(
            ComputeApi.RESIZE_INSTANCE,
            Side.SOURCE,
            ActionEvent.RESIZE_INSTANCE,
            TaskState.RESIZE_PREP,
            "post-migrating"),
    FINISH(ComputeApi.FINISH_RESIZE, Side.DEST, ActionEvent.FINISH_RESIZE, TaskState.RESIZE_MIGRATED, "finished"),
    CONFIRM(ComputeApi.CONFIRM_RESIZE, Side.SOURCE, ActionEvent.CONFIRM_RESIZE, TaskState.NONE, "confirmed"),
    REVERT(ComputeApi.REVERT_RESIZE, Side.DEST, ActionEvent.REVERT_RESIZE, TaskState.RESIZE_REVERTING, "reverted"),
    FINISH_REVERT(
            ComputeApi.FINISH_REVERT_RESIZE,
            Side.SOURCE,
            ActionEvent.FINISH_REVERT_RESIZE,
            TaskState.RESIZE_REVERTING,
            "reverted");

    /** Which of the move's two hosts does the step. */
    enum Side {
        SOURCE,
        DEST
    }

    private final RpcMethod<MoveInstance, Void> method;
    private final Side side;
    private final String event;
    private final TaskState expected;
    private final String migrationStatus;

    MoveStep(RpcMethod<MoveInstance, Void> method, Side side, String event, TaskState expected, String status) {
        this.method = method;
        this.side = side;
        this.event = event;
        this.expected = expected;
        this.migrationStatus = status;
    }

    RpcMethod<MoveInstance, Void> method() {
        return method;
    }

    String event() {
        return event;
    }

    /** The task state the instance is in when the step begins. */
    TaskState expected() {
        return expected;
    }

    /** The migration's status once the step is done; null: unchanged. */
    String migrationStatus() {
        return migrationStatus;
    }

    /** The step the host hands over to when this one is done, or null when the move (or its revert) has ended. */
    MoveStep next() {
        return switch (this) {
            case PREP -> RESIZE;
            case RESIZE -> FINISH;
            case REVERT -> FINISH_REVERT;
            case FINISH, CONFIRM, FINISH_REVERT -> null;
        };
    }

    /** The host that does this step of the migration. */
    String hostOf(MigrationInfo migration) {
        return side == Side.SOURCE ? migration.sourceHost() : migration.destHost();
    }
}
