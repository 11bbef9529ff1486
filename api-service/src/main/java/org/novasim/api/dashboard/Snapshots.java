package org.novasim.api.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.novasim.api.service.ServiceDirectory;
import org.novasim.api.service.ServiceRecord;
import org.novasim.common.service.ServiceApi;
import org.springframework.stereotype.Component;

/**
 * Builds what a browser is sent, from what the API already knows: a snapshot when it connects, then one batched
 * delta per tick, however many launches happened in it (at most {@link #CHANGES_PER_TICK} servers, the latest).
 * The work of a tick is done once ({@link #tick()}) and only cut to each viewer's scope: an admin sees the cloud,
 * a member the servers of their project (no hosts, services or messages, which Nova keeps for admins).
 */
@Component
class Snapshots {

    static final int LATEST_SERVERS = 200;
    static final int CHANGES_PER_TICK = 500;
    static final int FAULTS_LOOKED_AT = 500;

    /** One tick's findings, shared by every viewer. */
    record Tick(
            Instant at,
            List<ServerFeed.Server> servers,
            HostFeed.Delta hosts,
            List<Map<String, Object>> services,
            StatsFeed.Point point,
            List<StatsFeed.Messages> messages,
            boolean faultsChanged,
            Map<String, Object> perScope) {}

    private final ServerFeed servers;
    private final HostFeed hosts;
    private final StatsFeed stats;
    private final ServiceDirectory directory;
    private final Clock clock;
    private final String rabbitmqManagementUrl;
    private final String traceUrl;
    private Instant lastLook;

    Snapshots(
            ServerFeed servers,
            HostFeed hosts,
            StatsFeed stats,
            ServiceDirectory directory,
            Clock clock,
            DashboardProperties properties) {
        this.servers = servers;
        this.hosts = hosts;
        this.stats = stats;
        this.directory = directory;
        this.clock = clock;
        this.rabbitmqManagementUrl = properties.rabbitmqManagementUrl();
        this.traceUrl = properties.traceUrl();
        this.lastLook = clock.instant();
    }

    Map<String, Object> snapshot(Viewer viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant());
        body.put("viewer", viewer);
        body.put("servers", servers.latest(viewer.scope(), LATEST_SERVERS));
        body.put("counts", servers.counts(viewer.scope()));
        body.put("faults", servers.faults(viewer.scope(), FAULTS_LOOKED_AT));
        body.put("history", stats.history());
        body.put("traceUrl", traceUrl);
        if (viewer.admin()) {
            body.put("hostColumns", HostFeed.COLUMNS);
            body.put("hosts", hosts.all());
            body.put("services", services());
            body.put("messages", stats.messages());
            body.put("rabbitmqUrl", rabbitmqManagementUrl);
        }
        return body;
    }

    /** Nobody watches: keep the overview's history going without asking the database anything. */
    void idle() {
        stats.record(-1);
    }

    /** Looks once at what changed since the last tick; the rest is per viewer in {@link #delta}. */
    synchronized Tick tick() {
        Instant now = clock.instant();
        // A little overlap, so a change committed while the last look ran is not missed; the browser keeps the
        // newest version of each server, so seeing one twice is harmless.
        List<ServerFeed.Server> changed = servers.changedSince(lastLook.minusMillis(500), CHANGES_PER_TICK);
        lastLook = now;
        Map<String, Long> all = servers.counts(null);
        StatsFeed.Point point = stats.record(all.getOrDefault("BUILD", 0L));
        // A server that went to ERROR joins a group; one deleted may leave one.
        boolean faultsChanged =
                changed.stream().anyMatch(s -> "ERROR".equals(s.status()) || "DELETED".equals(s.status()));
        return new Tick(
                now,
                changed,
                hosts.delta(),
                services(),
                point,
                stats.messages(),
                faultsChanged,
                new HashMap<>(Map.of("", all)));
    }

    Map<String, Object> delta(Tick tick, Viewer viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", tick.at());
        body.put(
                "servers",
                tick.servers().stream().filter(s -> viewer.sees(s.projectId())).toList());
        body.put("counts", scoped(tick, "counts", viewer, () -> servers.counts(viewer.scope())));
        if (tick.faultsChanged()) {
            body.put("faults", scoped(tick, "faults", viewer, () -> servers.faults(viewer.scope(), FAULTS_LOOKED_AT)));
        }
        body.put("point", tick.point());
        if (viewer.admin()) {
            body.put("hosts", tick.hosts().rows());
            body.put("goneHosts", tick.hosts().gone());
            body.put("services", tick.services());
            body.put("messages", tick.messages());
        }
        return body;
    }

    /** Per scope once per tick: many browsers of one project cost one query. */
    private Object scoped(Tick tick, String what, Viewer viewer, Supplier<Object> query) {
        String key = what + ":" + (viewer.scope() == null ? "" : viewer.scope());
        if ("counts:".equals(key)) {
            return tick.perScope().get("");
        }
        synchronized (tick.perScope()) {
            return tick.perScope().computeIfAbsent(key, k -> query.get());
        }
    }

    /** The services other than the hosts' (which the hosts view shows one by one). */
    private List<Map<String, Object>> services() {
        return directory.all().stream()
                .filter(service -> !ServiceApi.NOVA_COMPUTE.equals(service.binary()))
                .map(this::service)
                .toList();
    }

    private Map<String, Object> service(ServiceRecord record) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("binary", record.binary());
        service.put("host", record.host());
        service.put("up", directory.isUp(record));
        service.put("disabled", record.disabled());
        service.put("lastSeen", directory.lastHeartbeat(record.key()).orElse(null));
        return service;
    }
}
