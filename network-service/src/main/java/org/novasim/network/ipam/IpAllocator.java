package org.novasim.network.ipam;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.novasim.network.ip.IpAddress;

/**
 * Hands out free addresses of a subnet's allocation pools, never the same one twice.
 *
 * <p>Candidates come from a per-subnet {@link SubnetCursor} in memory; the {@link AddressStore}'s unique
 * (subnet, address) decides. A candidate someone else took first (another process) is skipped and the next one
 * tried, a bounded number of times. Plain Java: no Spring, no database needed to test it.
 */
public final class IpAllocator {

    /**
     * @param batchSize              candidates taken from the pools per read of the store
     * @param maxAttempts            inserts tried per allocation before giving up on contention
     * @param conflictsBeforeRefresh consecutive lost races after which the rest of a batch is dropped
     */
    public record Settings(int batchSize, int maxAttempts, int conflictsBeforeRefresh) {

        public static final Settings DEFAULT = new Settings(64, 32, 4);

        public Settings {
            if (batchSize < 1 || maxAttempts < 1 || conflictsBeforeRefresh < 1) {
                throw new IllegalArgumentException("IPAM settings must be positive: " + this);
            }
        }
    }

    private final AddressStore store;
    private final Settings settings;
    private final ConcurrentMap<String, SubnetCursor> cursors = new ConcurrentHashMap<>();

    public IpAllocator(AddressStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Takes a free address of the subnet's pools for the port and records it in the store.
     *
     * @return empty when the subnet has no free address left in its pools
     * @throws AllocationContentionException when every attempt lost its race to other allocators
     */
    public Optional<IpAddress> allocate(SubnetPools subnet, String portId) {
        SubnetCursor cursor = cursor(subnet);
        for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
            BigInteger candidate = cursor.poll(() -> store.usedAddresses(subnet.subnetId()));
            if (candidate == null) {
                return Optional.empty();
            }
            IpAddress address = new IpAddress(subnet.ipVersion(), candidate);
            if (store.tryInsert(subnet.subnetId(), address.toString(), portId)) {
                cursor.succeeded();
                return Optional.of(address);
            }
            cursor.conflicted();
        }
        throw new AllocationContentionException(subnet.subnetId(), settings.maxAttempts());
    }

    /**
     * Takes one given address (a fixed IP the user asked for, which may lie outside the pools).
     *
     * @return false when the subnet already has that address
     */
    public boolean allocateSpecific(String subnetId, IpAddress address, String portId) {
        return store.tryInsert(subnetId, address.toString(), portId);
    }

    /**
     * The address is free in the store again (its port was deleted, or the transaction that took it rolled back):
     * this process may hand it out again at once. Other processes find it when their cursor wraps.
     */
    public void released(String subnetId, IpAddress address) {
        SubnetCursor cursor = cursors.get(subnetId);
        if (cursor != null) {
            cursor.release(address.value());
        }
    }

    /** The subnet was deleted. */
    public void forget(String subnetId) {
        cursors.remove(subnetId);
    }

    private SubnetCursor cursor(SubnetPools subnet) {
        return cursors.computeIfAbsent(
                subnet.subnetId(),
                id -> new SubnetCursor(subnet.pools(), settings.batchSize(), settings.conflictsBeforeRefresh()));
    }
}
