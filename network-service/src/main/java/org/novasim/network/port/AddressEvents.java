package org.novasim.network.port;

import org.novasim.network.ip.IpAddress;
import org.novasim.network.ipam.IpAllocator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the allocator about addresses whose fate the current transaction decides: one taken in a transaction that
 * rolls back, or released in one that commits, is free again and may be handed out at once. Until the
 * transaction ends it is not: the row is still there (or not yet gone) for everyone else.
 */
public class AddressEvents {

    private final IpAllocator allocator;

    public AddressEvents(IpAllocator allocator) {
        this.allocator = allocator;
    }

    public void taken(String subnetId, IpAddress address) {
        after(TransactionSynchronization.STATUS_ROLLED_BACK, subnetId, address, false);
    }

    public void released(String subnetId, IpAddress address) {
        after(TransactionSynchronization.STATUS_COMMITTED, subnetId, address, true);
    }

    private void after(int outcome, String subnetId, IpAddress address, boolean withoutTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (withoutTransaction) {
                allocator.released(subnetId, address);
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == outcome) {
                    allocator.released(subnetId, address);
                }
            }
        });
    }
}
