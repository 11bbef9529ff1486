package org.novasim.common.instance;

import java.time.Instant;

/**
 * One step of an instance action (os-instance-actions): its name, when it started and finished, and how it ended.
 * Nova names build steps like {@code compute__do_build_and_run_instance}; novasim records each stage.
 *
 * @param result  {@code Success} or {@code Error}, as Nova writes them
 * @param details why it failed (Nova's traceback field), null on success
 */
public record ActionEvent(String event, Instant startTime, Instant finishTime, String result, String host,
                          String details) {

    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    public static ActionEvent success(String event, Instant start, String host) {
        return new ActionEvent(event, start, Instant.now(), SUCCESS, host, null);
    }

    public static ActionEvent error(String event, Instant start, String host, String details) {
        return new ActionEvent(event, start, Instant.now(), ERROR, host, details);
    }
}
