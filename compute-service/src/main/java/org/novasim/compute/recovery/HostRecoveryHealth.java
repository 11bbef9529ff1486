package org.novasim.compute.recovery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The process is healthy once its hosts hold what they held before a restart and have reported it: until then a
 * scheduler would not know them (or know them emptier than they are), so `./novasim run` and the compose health
 * check wait for this, as Nova's compute waits for the conductor in init_host.
 */
@Component
class HostRecoveryHealth implements HealthIndicator {

    private final HostRecovery recovery;

    HostRecoveryHealth(HostRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public Health health() {
        if (recovery.isReported()) {
            return Health.up().build();
        }
        return Health.outOfService()
                .withDetail("waiting", "for the conductor to say what runs on this process's hosts")
                .build();
    }
}
