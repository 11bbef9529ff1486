package org.novasim.network.ipam;

import java.util.Collection;

/**
 * Where held addresses live. Its uniqueness of (subnet, address) is the final word on who holds an address; the
 * allocator's in-memory state only proposes candidates, so several allocators (several service processes) can
 * share one store safely.
 */
public interface AddressStore {

    /**
     * Records that the port holds the address. Returns false, leaving nothing behind, when the subnet already has
     * that address (another port got it first, perhaps in another process).
     */
    boolean tryInsert(String subnetId, String address, String portId);

    /** Every address of the subnet held right now, in canonical text form. */
    Collection<String> usedAddresses(String subnetId);
}
