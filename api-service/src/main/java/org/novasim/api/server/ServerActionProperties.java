package org.novasim.api.server;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long instances wait in the states a user may leave them in.
 *
 * @param resizeConfirmWindow a resized instance still in VERIFY_RESIZE this long is confirmed automatically (Nova's
 *                            resize_confirm_window); zero never does
 * @param resizeConfirmCheck  how often the API looks for such resizes
 * @param shelvedOffloadTime  seconds a shelved instance keeps its host before it is offloaded (Nova's
 *                            shelved_offload_time): 0 at once, -1 never
 */
@ConfigurationProperties("novasim.server-actions")
public record ServerActionProperties(
        @DefaultValue("0s") Duration resizeConfirmWindow,
        @DefaultValue("10s") Duration resizeConfirmCheck,
        @DefaultValue("0") int shelvedOffloadTime) {

    public ServerActionProperties {
        Settings.notNegative("novasim.server-actions.resize-confirm-window", resizeConfirmWindow);
        Settings.positive("novasim.server-actions.resize-confirm-check", resizeConfirmCheck);
        Settings.atLeast("novasim.server-actions.shelved-offload-time", shelvedOffloadTime, -1);
    }
}
