package org.novasim.network.ipam;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The database's unique (subnet, address), in memory: first insert wins. Counts refused inserts and reads. */
final class InMemoryAddressStore implements AddressStore {

    private final Map<String, Map<String, String>> bySubnet = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public boolean tryInsert(String subnetId, String address, String portId) {
        boolean inserted = held(subnetId).putIfAbsent(address, portId) == null;
        if (!inserted) {
            refused.incrementAndGet();
        }
        return inserted;
    }

    @Override
    public Collection<String> usedAddresses(String subnetId) {
        reads.incrementAndGet();
        return List.copyOf(held(subnetId).keySet());
    }

    void remove(String subnetId, String address) {
        held(subnetId).remove(address);
    }

    Map<String, String> held(String subnetId) {
        return bySubnet.computeIfAbsent(subnetId, id -> new ConcurrentHashMap<>());
    }
}
