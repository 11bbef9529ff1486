package org.novasim.compute.guest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.novasim.common.compute.ShelveInstance;
import org.novasim.common.compute.UnshelveInstance;
import org.novasim.common.conductor.ConductorClient;
import org.novasim.common.conductor.InstanceUpdate;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.PowerState;
import org.novasim.common.instance.TaskState;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.compute.host.SimulatedHost;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.virt.HypervisorDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shelve, offload and unshelve, as Nova's compute manager does them. A shelved guest is snapshotted and powered off
 * but keeps its host's resources, until it is offloaded: at once ({@code shelved_offload_time} 0), after that many
 * seconds (a timer here, cancelled by an unshelve), never (-1), or when an admin asks. Offloading destroys the
 * guest and gives its claim back; the instance is then on no host. Unshelving powers a shelved guest on where it
 * is, or claims and spawns an offloaded one on the host the scheduler chose.
 */
public final class Shelver {

    private static final Logger log = LoggerFactory.getLogger(Shelver.class);

    private final GuestActions actions;
    private final SimulatedHosts hosts;
    private final HypervisorDriver driver;
    private final ConductorClient conductor;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> pendingOffloads = new ConcurrentHashMap<>();

    public Shelver(
            GuestActions actions,
            SimulatedHosts hosts,
            HypervisorDriver driver,
            ConductorClient conductor,
            ScheduledExecutorService timers,
            Clock clock) {
        this.actions = actions;
        this.hosts = hosts;
        this.driver = driver;
        this.conductor = conductor;
        this.timers = timers;
        this.clock = clock;
    }

    /** Nova's shelve_instance. */
    public void shelve(RpcContext context, ShelveInstance request) {
        String uuid = request.instanceUuid();
        ImageUpload upload = new ImageUpload(conductor, context, request.imageId(), uuid);
        actions.perform(context, GuestAction.SHELVE, Target.of(request.host(), uuid), new Outcome() {
            @Override
            public void afterSuccess() {
                upload.afterSuccess();
                offloadLater(context, request.host(), uuid, request.offloadAfterSeconds());
            }

            @Override
            public void afterFailure() {
                upload.afterFailure();
            }
        });
    }

    /** Nova's shelve_offload_instance: the API has set task state shelving_offloading. */
    public void offload(RpcContext context, ShelveInstance request) {
        cancelOffload(request.instanceUuid());
        actions.perform(
                context,
                GuestAction.SHELVE_OFFLOAD,
                Target.of(request.host(), request.instanceUuid()),
                new LeaveHost(request.host(), request.instanceUuid()));
    }

    /** Nova's unshelve_instance: the API or the conductor has set task state unshelving. */
    public void unshelve(RpcContext context, UnshelveInstance request) {
        String uuid = request.instance().uuid();
        cancelOffload(uuid);
        SimulatedHost host = hosts.get(request.host());
        Target target = new Target(request.host(), uuid, request.instance());
        if (host == null || driver.powerState(request.host(), uuid) != PowerState.NOSTATE) {
            actions.perform(context, GuestAction.UNSHELVE, target, Outcome.NONE);
            return;
        }
        Optional<String> refused = host.tracker().claim(uuid, request.instance().flavor());
        host.settled(uuid, clock.instant());
        if (refused.isPresent()) {
            log.info("unshelving {} on {} refused: {}", uuid, host.name(), refused.get());
            report(
                    context,
                    InstanceUpdate.task(uuid, null, List.of(TaskState.UNSHELVING), TaskState.NONE)
                            .withFault(refused.get())
                            .withEvents(List.of(ActionEvent.error(
                                    ActionEvent.UNSHELVE,
                                    clock.instant(),
                                    clock.instant(),
                                    host.name(),
                                    refused.get()))));
            return;
        }
        actions.perform(context, GuestAction.UNSHELVE, target, new Outcome() {
            @Override
            public InstanceUpdate onFailure(InstanceUpdate failed) {
                return failed.withHostCleared();
            }

            @Override
            public void afterFailure() {
                driver.destroy(host.name(), uuid);
                host.tracker().free(uuid);
                host.markChanged();
            }
        });
    }

    /** Offloads after {@code seconds}: now for 0, never below 0 (Nova's shelved_offload_time). */
    private void offloadLater(RpcContext context, String host, String uuid, int seconds) {
        if (seconds < 0) {
            return;
        }
        Runnable offload = () -> {
            pendingOffloads.remove(uuid);
            try {
                // Only a shelved instance with no task: an unshelve that began meanwhile wins.
                conductor.instanceUpdate(
                        context,
                        InstanceUpdate.task(uuid, host, List.of(TaskState.NONE), TaskState.SHELVING_OFFLOADING));
            } catch (RemoteError e) {
                log.info("not offloading {}: {}", uuid, e.getMessage());
                return;
            }
            actions.perform(context, GuestAction.SHELVE_OFFLOAD, Target.of(host, uuid), new LeaveHost(host, uuid));
        };
        if (seconds == 0) {
            offload.run();
        } else {
            pendingOffloads.put(uuid, timers.schedule(offload, seconds, TimeUnit.SECONDS));
        }
    }

    private void cancelOffload(String uuid) {
        ScheduledFuture<?> pending = pendingOffloads.remove(uuid);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void report(RpcContext context, InstanceUpdate update) {
        try {
            conductor.instanceUpdate(context, update);
        } catch (RuntimeException e) {
            log.info("could not report {}: {}", update.instanceUuid(), e.getMessage());
        }
    }

    /** An offloaded guest leaves its host: no host on the instance, the claim given back. */
    private final class LeaveHost implements Outcome {

        private final String host;
        private final String uuid;

        LeaveHost(String host, String uuid) {
            this.host = host;
            this.uuid = uuid;
        }

        @Override
        public InstanceUpdate onSuccess(InstanceUpdate done) {
            return done.withHostCleared();
        }

        @Override
        public void afterSuccess() {
            SimulatedHost simulated = hosts.get(host);
            if (simulated != null) {
                simulated.tracker().free(uuid);
                simulated.markChanged();
            }
        }
    }
}
