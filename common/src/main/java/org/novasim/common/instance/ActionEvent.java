package org.novasim.common.instance;

import java.time.Instant;

/**
 * One step of an instance action (os-instance-actions): its name, when it started and finished, and how it ended.
 * Nova names build steps like {@code compute__do_build_and_run_instance}; novasim records each stage.
 *
 * @param result  {@code Success} or {@code Error}, as Nova writes them
 * @param details why it failed (Nova's traceback field), null on success
 */
public record ActionEvent(
        String event, Instant startTime, Instant finishTime, String result, String host, String details) {

    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    /** Event names; Nova's where Nova has one, so tools that read os-instance-actions find what they expect. */
    public static final String SCHEDULE = "conductor_schedule_and_build_instances";

    public static final String SELECT_DESTINATIONS = "scheduler_select_destinations";
    public static final String BUILD = "compute__do_build_and_run_instance";
    public static final String CLAIM = "compute_claim_resources";
    public static final String ALLOCATE_NETWORK = "compute_allocate_network";
    public static final String BLOCK_DEVICE_MAPPING = "compute_block_device_mapping";
    public static final String SPAWN = "compute_spawn";
    public static final String TERMINATE = "compute_terminate_instance";
    public static final String STOP = "compute_stop_instance";
    public static final String START = "compute_start_instance";
    public static final String REBOOT = "compute_reboot_instance";
    public static final String PAUSE = "compute_pause_instance";
    public static final String UNPAUSE = "compute_unpause_instance";
    public static final String SUSPEND = "compute_suspend_instance";
    public static final String RESUME = "compute_resume_instance";
    public static final String RESCUE = "compute_rescue_instance";
    public static final String UNRESCUE = "compute_unrescue_instance";
    public static final String SET_ADMIN_PASSWORD = "compute_set_admin_password";
    public static final String REBUILD = "compute_rebuild_instance";
    public static final String SNAPSHOT = "compute_snapshot_instance";
    public static final String SHELVE = "compute_shelve_instance";
    public static final String SHELVE_OFFLOAD = "compute_shelve_offload_instance";
    public static final String UNSHELVE_CONDUCTOR = "conductor_unshelve_instance";
    public static final String UNSHELVE = "compute_unshelve_instance";
    public static final String MIGRATE_SERVER = "conductor_migrate_server";
    public static final String PREP_RESIZE = "compute_prep_resize";
    public static final String RESIZE_INSTANCE = "compute_resize_instance";
    public static final String FINISH_RESIZE = "compute_finish_resize";
    public static final String CONFIRM_RESIZE = "compute_confirm_resize";
    public static final String REVERT_RESIZE = "compute_revert_resize";
    public static final String FINISH_REVERT_RESIZE = "compute_finish_revert_resize";
    /** The conductor gave up on a build that did not finish in time (Nova's instance_build_timeout). */
    public static final String BUILD_TIMEOUT = "conductor_build_timeout";

    public static ActionEvent success(String event, Instant start, Instant finish, String host) {
        return new ActionEvent(event, start, finish, SUCCESS, host, null);
    }

    public static ActionEvent error(String event, Instant start, Instant finish, String host, String details) {
        return new ActionEvent(event, start, finish, ERROR, host, details);
    }
}
