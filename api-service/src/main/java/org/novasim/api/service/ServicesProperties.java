package org.novasim.api.service;

import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API judges services.
 *
 * @param serviceDownTime a service (or compute host) whose last heartbeat is older than this is down (Nova's
 *                        service_down_time); keep it equal to the schedulers' own
 * @param resendInterval  how often, at most, the API tells a host again that it is disabled or enabled when the
 *                        host's reports disagree with the database (a compute process that restarted forgets)
 * @param refreshInterval how often the API reads the service table again, so that what another api-service process
 *                        changed (a host disabled, forced down, deleted) holds here too
 */
@ConfigurationProperties("novasim.services")
public record ServicesProperties(
        @DefaultValue("60s") Duration serviceDownTime,
        @DefaultValue("5s") Duration resendInterval,
        @DefaultValue("5s") Duration refreshInterval) {

    public ServicesProperties {
        Settings.positive("novasim.services.service-down-time", serviceDownTime);
        Settings.positive("novasim.services.resend-interval", resendInterval);
        Settings.positive("novasim.services.refresh-interval", refreshInterval);
    }
}
