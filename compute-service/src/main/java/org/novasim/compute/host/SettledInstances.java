package org.novasim.compute.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The instances whose build request a host took in lately (claimed or refused), reported for a while so that
 * schedulers can drop their own claims for them: from then on the host's usage accounts for them. Entries older
 * than the retention are dropped, so the list stays as short as the recent launch rate.
 */
final class SettledInstances {

    private record Entry(String uuid, Instant at) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Duration retention;

    SettledInstances(Duration retention) {
        this.retention = retention;
    }

    synchronized void add(String uuid, Instant now) {
        entries.addLast(new Entry(uuid, now));
    }

    synchronized List<String> recent(Instant now) {
        Instant oldest = now.minus(retention);
        while (!entries.isEmpty() && entries.peekFirst().at().isBefore(oldest)) {
            entries.removeFirst();
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        List<String> uuids = new ArrayList<>(entries.size());
        entries.forEach(entry -> uuids.add(entry.uuid()));
        return uuids;
    }
}
