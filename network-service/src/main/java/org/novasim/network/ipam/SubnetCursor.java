package org.novasim.network.ipam;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.IpRange;

/**
 * This process's view of one subnet: a small set of addresses believed free, refilled by walking the pools from a
 * cursor. Each candidate goes to exactly one caller, so threads of one process never race for the same address,
 * and the held addresses are read from the store once per refill (one batch), not once per allocation.
 *
 * <p>The cursor walks forward and wraps to the start of the pools when it reaches the end: addresses released by
 * another process are found again on the wrap. A wrap that finds nothing free, with the held addresses just read
 * from the store, means the subnet is exhausted.
 */
final class SubnetCursor {

    private final List<IpRange> pools;
    private final int batchSize;
    private final int conflictsBeforeRefresh;
    private final NavigableSet<BigInteger> candidates = new ConcurrentSkipListSet<>();
    private final AtomicInteger consecutiveConflicts = new AtomicInteger();
    /** Where the next walk starts; null once the walk reached the end of the pools. Guarded by this. */
    private BigInteger next;

    SubnetCursor(List<IpRange> pools, int batchSize, int conflictsBeforeRefresh) {
        this.pools = pools;
        this.batchSize = batchSize;
        this.conflictsBeforeRefresh = conflictsBeforeRefresh;
        this.next = pools.isEmpty() ? null : pools.get(0).first().value();
    }

    /** A candidate nobody else in this process holds, or null when the store says the pools are full. */
    BigInteger poll(Supplier<Collection<String>> usedAddresses) {
        BigInteger candidate = candidates.pollFirst();
        if (candidate != null) {
            return candidate;
        }
        synchronized (this) {
            // Another thread may have refilled while this one waited.
            candidate = candidates.pollFirst();
            if (candidate != null) {
                return candidate;
            }
            Set<BigInteger> used = new HashSet<>();
            for (String address : usedAddresses.get()) {
                used.add(IpAddress.parse(address).value());
            }
            refill(used);
            return candidates.pollFirst();
        }
    }

    /** An address became free in the store: offer it again (only if automatic allocation may hand it out). */
    void release(BigInteger address) {
        for (IpRange pool : pools) {
            if (address.compareTo(pool.first().value()) >= 0
                    && address.compareTo(pool.last().value()) <= 0) {
                candidates.add(address);
                return;
            }
        }
    }

    void succeeded() {
        consecutiveConflicts.set(0);
    }

    /**
     * A candidate was already taken: another process is allocating from the same part of the pools, and both
     * would keep taking each other's candidates if they walked on side by side. After a few such misses in a row,
     * drop the rest of the batch and go on from a random point of the pools, with a fresh read of the store: two
     * processes soon work on different parts of the subnet. (One process alone never misses, so it keeps handing
     * out the lowest addresses first.) A wrap still finds whatever was left behind.
     */
    void conflicted() {
        if (consecutiveConflicts.incrementAndGet() >= conflictsBeforeRefresh) {
            consecutiveConflicts.set(0);
            synchronized (this) {
                candidates.clear();
                next = randomAddress();
            }
        }
    }

    private BigInteger randomAddress() {
        if (pools.isEmpty()) {
            return null;
        }
        BigInteger total = BigInteger.ZERO;
        for (IpRange pool : pools) {
            total = total.add(pool.size());
        }
        BigInteger offset = new BigInteger(total.bitLength() + 8, ThreadLocalRandom.current()).mod(total);
        for (IpRange pool : pools) {
            if (offset.compareTo(pool.size()) < 0) {
                return pool.first().value().add(offset);
            }
            offset = offset.subtract(pool.size());
        }
        return pools.get(0).first().value();
    }

    private void refill(Set<BigInteger> used) {
        BigInteger from = next;
        if (from != null && walk(from, null, used) > 0) {
            return;
        }
        next = null;
        if (!pools.isEmpty()) {
            walk(pools.get(0).first().value(), from, used);
        }
    }

    /** Adds up to a batch of free addresses from {@code from} on, stopping before {@code until} (null: the end). */
    private int walk(BigInteger from, BigInteger until, Set<BigInteger> used) {
        int found = 0;
        for (IpRange pool : pools) {
            BigInteger last = pool.last().value();
            if (last.compareTo(from) < 0) {
                continue;
            }
            for (BigInteger a = from.max(pool.first().value()); a.compareTo(last) <= 0; a = a.add(BigInteger.ONE)) {
                if (until != null && a.compareTo(until) >= 0) {
                    next = until;
                    return found;
                }
                if (!used.contains(a) && candidates.add(a) && ++found == batchSize) {
                    next = a.add(BigInteger.ONE);
                    return found;
                }
            }
        }
        next = null;
        return found;
    }
}
