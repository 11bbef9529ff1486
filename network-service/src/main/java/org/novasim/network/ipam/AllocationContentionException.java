package org.novasim.network.ipam;

/**
 * Every candidate tried was taken by someone else before this allocator could insert it. The subnet may still
 * have free addresses; the retries are bounded so a request never spins forever.
 */
public class AllocationContentionException extends RuntimeException {

    public AllocationContentionException(String subnetId, int attempts) {
        super("no address of subnet " + subnetId + " could be taken after " + attempts + " attempts");
    }
}
