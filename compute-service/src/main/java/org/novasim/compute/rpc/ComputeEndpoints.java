package org.novasim.compute.rpc;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.novasim.common.compute.ComputeApi;
import org.novasim.common.rpc.QueueSpec;
import org.novasim.common.rpc.RpcEndpoint;
import org.novasim.common.rpc.RpcEndpoints;
import org.novasim.common.service.ServiceApi;
import org.novasim.compute.ComputeProperties;
import org.novasim.compute.build.InstanceBuilder;
import org.novasim.compute.build.InstanceTerminator;
import org.novasim.compute.guest.GuestActions;
import org.novasim.compute.guest.Shelver;
import org.novasim.compute.host.SimulatedHosts;
import org.novasim.compute.move.InstanceMover;
import org.novasim.compute.report.HostReporter;
import org.springframework.stereotype.Component;

/**
 * One durable queue for the whole process, {@code compute-service.<service>}, bound to {@code compute.<host>}
 * for every simulated host: 10,000 hosts cost 10,000 bindings, not 10,000 queues and consumers. A private
 * queue on the service request fanout answers "report now" with a full host report.
 */
@Component
class ComputeEndpoints implements RpcEndpoints {

    private final SimulatedHosts hosts;
    private final InstanceBuilder builder;
    private final InstanceTerminator terminator;
    private final GuestActions guests;
    private final Shelver shelver;
    private final InstanceMover mover;
    private final HostReporter reporter;
    private final ComputeProperties properties;
    private final ExecutorService buildWorkers;

    ComputeEndpoints(
            SimulatedHosts hosts,
            InstanceBuilder builder,
            InstanceTerminator terminator,
            GuestActions guests,
            Shelver shelver,
            InstanceMover mover,
            HostReporter reporter,
            ComputeProperties properties,
            ExecutorService buildWorkers) {
        this.hosts = hosts;
        this.builder = builder;
        this.terminator = terminator;
        this.guests = guests;
        this.shelver = shelver;
        this.mover = mover;
        this.reporter = reporter;
        this.properties = properties;
        this.buildWorkers = buildWorkers;
    }

    @Override
    public List<Served> endpoints() {
        String queue = "compute-service." + properties.serviceNameFor(hosts);
        return List.of(
                new Served(
                        RpcEndpoint.builder(ComputeApi.TOPIC, ComputeApi.VERSION)
                                .on(ComputeApi.BUILD_AND_RUN_INSTANCE, (context, request) -> {
                                    builder.build(context, request);
                                    return null;
                                })
                                .on(ComputeApi.TERMINATE_INSTANCE, (context, request) -> {
                                    terminator.terminate(context, request);
                                    return null;
                                })
                                .on(ComputeApi.STOP_INSTANCE, (context, request) -> {
                                    guests.stop(context, request);
                                    return null;
                                })
                                .on(ComputeApi.START_INSTANCE, (context, request) -> {
                                    guests.start(context, request);
                                    return null;
                                })
                                .on(ComputeApi.REBOOT_INSTANCE, (context, request) -> {
                                    guests.reboot(context, request);
                                    return null;
                                })
                                .on(ComputeApi.PAUSE_INSTANCE, (context, request) -> {
                                    guests.pause(context, request);
                                    return null;
                                })
                                .on(ComputeApi.UNPAUSE_INSTANCE, (context, request) -> {
                                    guests.unpause(context, request);
                                    return null;
                                })
                                .on(ComputeApi.SUSPEND_INSTANCE, (context, request) -> {
                                    guests.suspend(context, request);
                                    return null;
                                })
                                .on(ComputeApi.RESUME_INSTANCE, (context, request) -> {
                                    guests.resume(context, request);
                                    return null;
                                })
                                .on(ComputeApi.RESCUE_INSTANCE, (context, request) -> {
                                    guests.rescue(context, request);
                                    return null;
                                })
                                .on(ComputeApi.UNRESCUE_INSTANCE, (context, request) -> {
                                    guests.unrescue(context, request);
                                    return null;
                                })
                                .on(ComputeApi.SET_ADMIN_PASSWORD, (context, request) -> {
                                    guests.setAdminPassword(context, request);
                                    return null;
                                })
                                .on(ComputeApi.SNAPSHOT_INSTANCE, (context, request) -> {
                                    guests.snapshot(context, request);
                                    return null;
                                })
                                .on(ComputeApi.REBUILD_INSTANCE, (context, request) -> {
                                    guests.rebuild(context, request);
                                    return null;
                                })
                                .on(ComputeApi.GET_CONSOLE_OUTPUT, (context, request) -> guests.consoleOutput(request))
                                .on(ComputeApi.SHELVE_INSTANCE, (context, request) -> {
                                    shelver.shelve(context, request);
                                    return null;
                                })
                                .on(ComputeApi.SHELVE_OFFLOAD_INSTANCE, (context, request) -> {
                                    shelver.offload(context, request);
                                    return null;
                                })
                                .on(ComputeApi.UNSHELVE_INSTANCE, (context, request) -> {
                                    shelver.unshelve(context, request);
                                    return null;
                                })
                                .on(ComputeApi.PREP_RESIZE, (context, request) -> {
                                    mover.prepResize(context, request);
                                    return null;
                                })
                                .on(ComputeApi.RESIZE_INSTANCE, (context, request) -> {
                                    mover.resizeInstance(context, request);
                                    return null;
                                })
                                .on(ComputeApi.FINISH_RESIZE, (context, request) -> {
                                    mover.finishResize(context, request);
                                    return null;
                                })
                                .on(ComputeApi.CONFIRM_RESIZE, (context, request) -> {
                                    mover.confirmResize(context, request);
                                    return null;
                                })
                                .on(ComputeApi.REVERT_RESIZE, (context, request) -> {
                                    mover.revertResize(context, request);
                                    return null;
                                })
                                .on(ComputeApi.FINISH_REVERT_RESIZE, (context, request) -> {
                                    mover.finishRevertResize(context, request);
                                    return null;
                                })
                                .on(ComputeApi.SET_HOST_ENABLED, (context, request) -> {
                                    reporter.setEnabled(request.host(), request.enabled());
                                    return null;
                                })
                                .build(),
                        QueueSpec.servers(queue, ComputeApi.TOPIC, hosts.names(), properties.consumers(), 50)),
                new Served(
                        RpcEndpoint.builder(ServiceApi.REQUEST_TOPIC, ServiceApi.VERSION)
                                .on(ServiceApi.REPORT_STATE, (context, request) -> {
                                    reporter.requestFullReport(buildWorkers, request.requester());
                                    return null;
                                })
                                .build(),
                        QueueSpec.fanout(ServiceApi.REQUEST_TOPIC, 1, 10)));
    }
}
