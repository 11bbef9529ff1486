package org.novasim.api.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.novasim.common.service.ServiceApi;
import org.novasim.common.service.ServiceHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every service of the cloud, in memory: its record (loaded at start, written through on change, read again every
 * {@code refresh-interval} for what other api-service processes changed) and when it was last heard from. Up or down is decided here, from heartbeats younger than service_down_time; a service never
 * heard from since this API process started counts as down until it is (every service answers the report request
 * the API sends when it starts, so that is a second, not a report interval).
 */
@Component
public class ServiceDirectory {

    private static final Logger log = LoggerFactory.getLogger(ServiceDirectory.class);

    private final ServiceStore store;
    private final Clock clock;
    private final Duration serviceDownTime;
    private final Instant listeningSince;
    private final ConcurrentMap<ServiceKey, ServiceRecord> records = new ConcurrentHashMap<>();
    private final ConcurrentMap<ServiceKey, Instant> heartbeats = new ConcurrentHashMap<>();

    public ServiceDirectory(ServiceStore store, Clock clock, ServicesProperties properties) {
        this.store = store;
        this.clock = clock;
        this.serviceDownTime = properties.serviceDownTime();
        this.listeningSince = clock.instant();
        store.all().forEach(record -> records.put(record.key(), record));
    }

    /** Services other than compute hosts belong to no availability zone of their own. */
    static final String INTERNAL_ZONE = "internal";

    /** A service other than a compute host said it is alive. */
    public void heartbeat(ServiceHeartbeat beat) {
        heard(List.of(new NewService(beat.host(), beat.binary(), beat.topic(), INTERNAL_ZONE)), clock.instant());
    }

    /**
     * Services heard from now. Those heard of for the first time are recorded (in one batch); a compute host
     * that moved to another availability zone gets its record updated.
     */
    public void heard(List<NewService> services, Instant at) {
        List<NewService> unknown = new ArrayList<>();
        for (NewService service : services) {
            ServiceRecord record = records.get(service.key());
            if (record == null) {
                unknown.add(service);
            } else if (service.zone() != null && !service.zone().equals(record.zone())) {
                store.updateZone(record.id(), service.zone(), at);
                records.put(record.key(), record.withZone(service.zone(), at));
            }
        }
        if (!unknown.isEmpty()) {
            register(unknown, at);
        }
        for (NewService service : services) {
            heartbeats.put(service.key(), at);
        }
    }

    private synchronized void register(List<NewService> services, Instant at) {
        List<NewService> stillUnknown =
                services.stream().filter(s -> !records.containsKey(s.key())).toList();
        if (stillUnknown.isEmpty()) {
            return;
        }
        for (ServiceRecord record : store.insert(stillUnknown, at)) {
            records.put(record.key(), record);
        }
        log.info(
                "{} new services, e.g. {} on {}",
                stillUnknown.size(),
                stillUnknown.get(0).binary(),
                stillUnknown.get(0).host());
    }

    /**
     * Takes what other api-service processes wrote since (a host disabled or forced down, a zone, a service
     * deleted): the newer of each record wins. Only services known here before the read are taken for deleted when
     * the database no longer has them, so one this process registers meanwhile stays.
     */
    public void refresh() {
        Set<ServiceKey> knownBefore = new HashSet<>(records.keySet());
        Set<ServiceKey> stored = new HashSet<>();
        for (ServiceRecord record : store.all()) {
            stored.add(record.key());
            records.merge(
                    record.key(),
                    record,
                    (mine, theirs) -> changedAt(theirs).isBefore(changedAt(mine)) ? mine : theirs);
        }
        knownBefore.removeAll(stored);
        knownBefore.forEach(gone -> {
            records.remove(gone);
            heartbeats.remove(gone);
        });
    }

    private static Instant changedAt(ServiceRecord record) {
        return record.updatedAt() != null ? record.updatedAt() : record.createdAt();
    }

    public Optional<ServiceRecord> find(ServiceKey key) {
        return Optional.ofNullable(records.get(key));
    }

    /** The host's nova-compute service. */
    public Optional<ServiceRecord> compute(String host) {
        return find(new ServiceKey(host, ServiceApi.NOVA_COMPUTE));
    }

    public Optional<ServiceRecord> findById(long id) {
        return records.values().stream().filter(record -> record.id() == id).findFirst();
    }

    /** Every service, in the order they were first heard of. */
    public List<ServiceRecord> all() {
        List<ServiceRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparingLong(ServiceRecord::id));
        return all;
    }

    public boolean isUp(ServiceRecord record) {
        Instant last = heartbeats.get(record.key());
        return !record.forcedDown()
                && last != null
                && Duration.between(last, clock.instant()).compareTo(serviceDownTime) <= 0;
    }

    /**
     * Whether requests for the host should go to it (Nova's check before a delete or an action): its nova-compute
     * service is known, not forced down, and not silent for longer than {@code service_down_time}. Heartbeats are
     * kept in memory only, so a service not heard from since this process started gets the benefit of the doubt
     * until this process has listened for that long: a restarted API does not take every host for dead.
     */
    public boolean isComputeUp(String host) {
        ServiceRecord record = compute(host).orElse(null);
        if (record == null || record.forcedDown()) {
            return false;
        }
        Instant since = heartbeats.getOrDefault(record.key(), listeningSince);
        return Duration.between(since, clock.instant()).compareTo(serviceDownTime) <= 0;
    }

    /** When the service was last heard from, if since this process started. */
    public Optional<Instant> lastHeartbeat(ServiceKey key) {
        return Optional.ofNullable(heartbeats.get(key));
    }

    /** Writes the operator's decision through to the database. */
    public ServiceRecord setDisabled(ServiceRecord record, boolean disabled, String reason) {
        Instant now = clock.instant();
        store.updateDisabled(record.id(), disabled, reason, now);
        ServiceRecord changed = record.withDisabled(disabled, reason, now);
        records.put(changed.key(), changed);
        return changed;
    }

    /** Nova's forced_down (2.11): the service counts as down whatever its heartbeats say, until it is unforced. */
    public ServiceRecord setForcedDown(ServiceRecord record, boolean forced) {
        Instant now = clock.instant();
        store.updateForcedDown(record.id(), forced, now);
        ServiceRecord changed = record.withForcedDown(forced, now);
        records.put(changed.key(), changed);
        return changed;
    }

    /** Forgets the service; if it is still alive, its next heartbeat records it again, with a new id. */
    public boolean delete(ServiceRecord record) {
        boolean deleted = store.delete(record.id());
        records.remove(record.key());
        heartbeats.remove(record.key());
        return deleted;
    }
}
