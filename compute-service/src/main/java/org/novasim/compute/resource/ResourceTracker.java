package org.novasim.compute.resource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.novasim.common.compute.Capacity;
import org.novasim.common.instance.FlavorSpec;

/**
 * One host's claims (Nova's ResourceTracker): a claim succeeds only if it fits what the host may hand out after
 * ratios and reserved memory, checked and recorded atomically, so concurrent builds can never overcommit.
 * Claims are keyed by instance, so claiming or freeing twice (a redelivered message) changes nothing.
 */
public final class ResourceTracker {

    /** What one instance holds on the host. */
    public record Usage(int vcpus, int memoryMb, int diskGb) {

        static Usage of(FlavorSpec flavor) {
            return new Usage(flavor.vcpus(), flavor.memoryMb(), flavor.diskGb());
        }
    }

    private final Capacity vcpus;
    private final Capacity memoryMb;
    private final Capacity diskGb;
    private final Map<String, Usage> claims = new HashMap<>();
    private int vcpusUsed;
    private int memoryMbUsed;
    private int diskGbUsed;

    public ResourceTracker(Capacity vcpus, Capacity memoryMb, Capacity diskGb) {
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.diskGb = diskGb;
    }

    /** What a build's claim came to: granted, refused with Nova's words for why, or held already. */
    public record Claim(boolean repeated, String refusal) {

        static final Claim GRANTED = new Claim(false, null);
        static final Claim REPEATED = new Claim(true, null);

        public boolean granted() {
            return !repeated && refusal == null;
        }
    }

    /**
     * Claims the flavor for an instance new to the host. One the host holds already is {@link Claim#repeated}: its
     * build request came twice (sent again after a lost confirm, or redelivered after a broker restart), and the
     * build that holds the claim is the one that counts.
     */
    public synchronized Claim claimNew(String instanceUuid, FlavorSpec flavor) {
        if (claims.containsKey(instanceUuid)) {
            return Claim.REPEATED;
        }
        return claim(instanceUuid, flavor).map(why -> new Claim(false, why)).orElse(Claim.GRANTED);
    }

    /** Claims the flavor for the instance; empty on success, else why it does not fit, in Nova's words. */
    public synchronized Optional<String> claim(String instanceUuid, FlavorSpec flavor) {
        if (claims.containsKey(instanceUuid)) {
            return Optional.empty();
        }
        Usage usage = Usage.of(flavor);
        if (!vcpus.fits(vcpusUsed, usage.vcpus())) {
            return Optional.of(insufficient("vcpu", vcpus.usable() - vcpusUsed, usage.vcpus(), "VCPU"));
        }
        if (!memoryMb.fits(memoryMbUsed, usage.memoryMb())) {
            return Optional.of(insufficient("memory", memoryMb.usable() - memoryMbUsed, usage.memoryMb(), "MB"));
        }
        if (!diskGb.fits(diskGbUsed, usage.diskGb())) {
            return Optional.of(insufficient("disk", diskGb.usable() - diskGbUsed, usage.diskGb(), "GB"));
        }
        hold(instanceUuid, usage);
        return Optional.empty();
    }

    /**
     * Takes back what the instance held before this process restarted, whether it fits or not (the host may have
     * been made smaller meanwhile; then it takes no new claim until it has room again). Idempotent.
     */
    public synchronized void restore(String instanceUuid, FlavorSpec flavor) {
        if (!claims.containsKey(instanceUuid)) {
            hold(instanceUuid, Usage.of(flavor));
        }
    }

    private void hold(String instanceUuid, Usage usage) {
        claims.put(instanceUuid, usage);
        vcpusUsed += usage.vcpus();
        memoryMbUsed += usage.memoryMb();
        diskGbUsed += usage.diskGb();
    }

    /** Gives back what the instance held; false if it held nothing (already freed). */
    public synchronized boolean free(String instanceUuid) {
        Usage usage = claims.remove(instanceUuid);
        if (usage == null) {
            return false;
        }
        vcpusUsed -= usage.vcpus();
        memoryMbUsed -= usage.memoryMb();
        diskGbUsed -= usage.diskGb();
        return true;
    }

    public synchronized boolean holds(String instanceUuid) {
        return claims.containsKey(instanceUuid);
    }

    /** The sum of all claims. */
    public synchronized Usage used() {
        return new Usage(vcpusUsed, memoryMbUsed, diskGbUsed);
    }

    public synchronized int instances() {
        return claims.size();
    }

    private static String insufficient(String what, long free, int requested, String unit) {
        return String.format(
                "Insufficient compute resources: Free %s %d.00 %s < requested %d %s.",
                what, Math.max(0, free), unit, requested, unit);
    }
}
