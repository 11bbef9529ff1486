package org.novasim.api.conductor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.novasim.api.action.ActionLog;
import org.novasim.api.instance.InstanceFault;
import org.novasim.api.instance.InstanceFaultRepository;
import org.novasim.api.instance.InstanceStore;
import org.novasim.api.metrics.LaunchMetrics;
import org.novasim.api.servergroup.ServerGroupMembership;
import org.novasim.common.compute.BuildInstance;
import org.novasim.common.compute.ComputeClient;
import org.novasim.common.conductor.RescheduleInstance;
import org.novasim.common.conductor.ScheduleAndBuild;
import org.novasim.common.instance.ActionEvent;
import org.novasim.common.instance.InstanceInfo;
import org.novasim.common.rpc.RemoteError;
import org.novasim.common.rpc.RpcContext;
import org.novasim.common.rpc.UndeliverableException;
import org.novasim.common.scheduler.RequestSpec;
import org.novasim.common.scheduler.SchedulerClient;
import org.novasim.common.scheduler.Selection;
import org.novasim.common.scheduler.Selections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conductor's build task (Nova's ComputeTaskManager): asks the scheduler where new instances go and casts
 * each build to its host with the alternates; when a host gives an instance back, tries the next alternate, and
 * when none is left or another host cannot help, puts the instance in ERROR with a fault saying why. Hosts that
 * refused the claim (no room) do not use the build up: with no alternate left, the scheduler is asked again, up
 * to {@code max-hosts-per-build} hosts in all.
 */
@Component
public class BuildConductor {

    private static final Logger log = LoggerFactory.getLogger(BuildConductor.class);

    private final SchedulerClient scheduler;
    private final ComputeClient compute;
    private final InstanceStore instances;
    private final InstanceFaultRepository faults;
    private final ActionLog actions;
    private final ServerGroupMembership serverGroups;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LaunchMetrics metrics;
    /** How many hosts a build may try in all when hosts keep refusing it for want of room. */
    private final int maxHostsPerBuild;

    public BuildConductor(
            SchedulerClient scheduler,
            ComputeClient compute,
            InstanceStore instances,
            InstanceFaultRepository faults,
            ActionLog actions,
            ServerGroupMembership serverGroups,
            TransactionTemplate transaction,
            Clock clock,
            LaunchMetrics metrics,
            ConductorProperties properties) {
        this.scheduler = scheduler;
        this.compute = compute;
        this.instances = instances;
        this.faults = faults;
        this.actions = actions;
        this.serverGroups = serverGroups;
        this.transaction = transaction;
        this.clock = clock;
        this.metrics = metrics;
        this.maxHostsPerBuild = properties.maxHostsPerBuild();
    }

    /**
     * Schedules the instances and casts each build. A request can come twice (sent again after the broker lost its
     * confirm, or redelivered after a restart): instances an earlier copy placed, or that were deleted, are left out.
     */
    public void scheduleAndBuild(RpcContext context, ScheduleAndBuild request) {
        Instant started = clock.instant();
        List<InstanceInfo> waiting = request.instances().stream()
                .filter(instance -> instances.awaitsHost(instance.uuid()))
                .toList();
        if (waiting.size() < request.instances().size()) {
            log.info(
                    "{} of {} instances of the request are placed or gone already: a repeated request",
                    request.instances().size() - waiting.size(),
                    request.instances().size());
        }
        if (waiting.isEmpty()) {
            return;
        }
        List<String> uuids = waiting.stream().map(InstanceInfo::uuid).toList();
        // Where the group's members are now, not when the API took the request.
        RequestSpec spec = serverGroups.refresh(request.spec(), uuids);
        Selections selections;
        try {
            selections = scheduler.selectDestinations(context, spec, uuids, true);
        } catch (RemoteError e) {
            // NoValidHost above all, but also a scheduler that is down or timed out: the build cannot go on.
            log.info("scheduling {} failed: {}", uuids, e.getMessage());
            for (String uuid : uuids) {
                fail(
                        context,
                        uuid,
                        e.getMessage(),
                        null,
                        List.of(
                                ActionEvent.error(
                                        ActionEvent.SELECT_DESTINATIONS, started, clock.instant(), null, e.toString()),
                                ActionEvent.error(ActionEvent.SCHEDULE, started, clock.instant(), null, e.toString())));
            }
            return;
        }
        Instant selected = clock.instant();
        for (int i = 0; i < uuids.size(); i++) {
            List<Selection> hosts = selections.hostLists().get(i);
            InstanceInfo instance = waiting.get(i);
            actions.record(
                    context,
                    instance.uuid(),
                    List.of(
                            ActionEvent.success(ActionEvent.SELECT_DESTINATIONS, started, selected, null),
                            ActionEvent.success(ActionEvent.SCHEDULE, started, clock.instant(), null)));
            send(
                    context,
                    new BuildInstance(
                            hosts.get(0).host(),
                            instance,
                            spec,
                            request.networks(),
                            hosts.subList(1, hosts.size()),
                            1));
        }
    }

    /** A host could not build the instance: try the next alternate, or give up with a fault. */
    public void reschedule(RpcContext context, RescheduleInstance request) {
        BuildInstance failed = request.build();
        String uuid = failed.instance().uuid();
        actions.record(context, uuid, request.events());
        if (!request.retryable()) {
            fail(context, uuid, request.reason(), request.failedHost(), List.of());
            return;
        }
        if (failed.alternates().isEmpty() && !(request.claimRefused() && failed.attempt() < maxHostsPerBuild)) {
            fail(
                    context,
                    uuid,
                    "Exceeded maximum number of retries. Exhausted all hosts available for retrying "
                            + "build failures for instance " + uuid + ". Last error: " + request.reason(),
                    request.failedHost(),
                    List.of());
            return;
        }
        if (!instances.resetForReschedule(uuid, request.failedHost(), clock.instant())) {
            log.info("not rescheduling {}: it was deleted, failed or taken by another host meanwhile", uuid);
            return;
        }
        metrics.rescheduled();
        if (failed.alternates().isEmpty()) {
            scheduleAgain(context, failed, request);
            return;
        }
        List<Selection> alternates = failed.alternates();
        log.info(
                "rescheduling {} from {} to {} (attempt {}): {}",
                uuid,
                request.failedHost(),
                alternates.get(0).host(),
                failed.attempt() + 1,
                request.reason());
        send(
                context,
                new BuildInstance(
                        alternates.get(0).host(),
                        failed.instance(),
                        failed.spec().withIgnoredHost(request.failedHost()),
                        failed.networks(),
                        alternates.subList(1, alternates.size()),
                        failed.attempt() + 1));
    }

    /**
     * The alternates were used up by hosts that had no room after all: under many concurrent requests they were
     * filled by others since they were chosen. The instance never ran anywhere, so rather than give up, ask the
     * scheduler again for hosts it has not tried (as Nova's conductor skips an alternate it cannot claim); a
     * full cloud then ends in "No valid host", the honest answer.
     */
    private void scheduleAgain(RpcContext context, BuildInstance failed, RescheduleInstance request) {
        String uuid = failed.instance().uuid();
        RequestSpec spec = failed.spec().withIgnoredHost(request.failedHost());
        Instant started = clock.instant();
        List<Selection> hosts;
        try {
            hosts = scheduler
                    .selectDestinations(context, spec, List.of(uuid), true)
                    .hostLists()
                    .get(0);
        } catch (RemoteError e) {
            log.info("rescheduling {} found no host: {}", uuid, e.getMessage());
            fail(
                    context,
                    uuid,
                    e.getMessage(),
                    null,
                    List.of(ActionEvent.error(
                            ActionEvent.SELECT_DESTINATIONS, started, clock.instant(), null, e.toString())));
            return;
        }
        actions.record(
                context,
                uuid,
                List.of(new ActionEvent(
                        ActionEvent.SELECT_DESTINATIONS, started, clock.instant(), ActionEvent.SUCCESS, null, null)));
        log.info(
                "rescheduling {} from {} to {} chosen afresh (attempt {}): {}",
                uuid,
                request.failedHost(),
                hosts.get(0).host(),
                failed.attempt() + 1,
                request.reason());
        send(
                context,
                new BuildInstance(
                        hosts.get(0).host(),
                        failed.instance(),
                        spec,
                        failed.networks(),
                        hosts.subList(1, hosts.size()),
                        failed.attempt() + 1));
    }

    /** Casts the build; a host that no compute process serves counts as a failed attempt on that host. */
    private void send(RpcContext context, BuildInstance build) {
        try {
            compute.buildAndRunInstance(
                    context,
                    build.host(),
                    build.instance(),
                    build.spec(),
                    build.networks(),
                    build.alternates(),
                    build.attempt());
        } catch (UndeliverableException e) {
            reschedule(
                    context,
                    new RescheduleInstance(
                            build,
                            build.host(),
                            "Compute host " + build.host() + " is unreachable: " + e.getMessage(),
                            true,
                            List.of()));
        }
    }

    private void fail(RpcContext context, String uuid, String message, String host, List<ActionEvent> events) {
        Instant now = clock.instant();
        actions.record(context, uuid, events);
        // The state and its fault together: a client polling for ERROR finds the reason with it.
        boolean failed = Boolean.TRUE.equals(transaction.execute(status -> {
            if (instances.markError(uuid, now)) {
                faults.save(InstanceFault.of(uuid, 500, message, host, now));
                return true;
            }
            return false;
        }));
        if (failed) {
            metrics.failed(message);
        }
    }
}
