package org.novasim.common.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.novasim.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service process names itself in the services list, and how often it says it is alive.
 *
 * @param host           the host the service reports (Nova's CONF.host); the machine's name when not set.
 *                       Two processes of the same binary on one machine need different names.
 * @param reportInterval how often the heartbeat goes out (Nova's report_interval)
 */
@ConfigurationProperties("novasim.service")
public record ServiceProperties(
        String host, @DefaultValue("10s") Duration reportInterval) {

    public ServiceProperties {
        Settings.positive("novasim.service.report-interval", reportInterval);
    }

    public String hostName() {
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
