package org.novasim.api.server;

import java.time.Clock;
import java.time.Duration;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.migration.Migration;
import org.novasim.api.migration.MigrationStore;
import org.novasim.common.rpc.RpcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Confirms resizes left in VERIFY_RESIZE longer than {@code resize-confirm-window} (Nova's _poll_unconfirmed_resizes,
 * which each compute host runs; here the API does, since it holds the migrations). Off when the window is zero, as
 * Nova's default is. Several API processes may look at once: the migration's compare-and-set lets one confirm.
 */
@Component
class ResizeConfirmer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ResizeConfirmer.class);
    private static final int BATCH = 100;

    private final MigrationStore migrations;
    private final InstanceStore instances;
    private final ResizeService resizes;
    private final Clock clock;
    private final Duration window;
    private final Duration interval;

    ResizeConfirmer(
            MigrationStore migrations,
            InstanceStore instances,
            ResizeService resizes,
            Clock clock,
            ServerActionProperties properties) {
        this.migrations = migrations;
        this.instances = instances;
        this.resizes = resizes;
        this.clock = clock;
        this.window = properties.resizeConfirmWindow();
        this.interval = properties.resizeConfirmCheck();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!window.isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::check, interval, interval));
        }
    }

    void check() {
        for (Migration migration : migrations.finishedBefore(clock.instant().minus(window), BATCH)) {
            instances.findLive(migration.instanceUuid()).ifPresent(instance -> {
                try {
                    resizes.confirm(RpcContext.system(), instance.uuid());
                    log.info("confirmed the resize of {} after {}", instance.uuid(), window);
                } catch (RuntimeException e) {
                    log.info("could not confirm the resize of {}: {}", instance.uuid(), e.getMessage());
                }
            });
        }
    }
}
