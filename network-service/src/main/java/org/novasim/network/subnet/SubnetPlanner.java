package org.novasim.network.subnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.novasim.common.network.AllocationPool;
import org.novasim.common.network.CreateSubnet;
import org.novasim.common.network.InvalidInputException;
import org.novasim.network.Inputs;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;
import org.novasim.network.ip.IpRange;

/**
 * Checks a subnet create request and works out its gateway and allocation pools, with Neutron's rules and messages:
 * the CIDR has no host bits set and overlaps no other subnet of the network; the gateway lies in the CIDR; pools lie
 * in the CIDR, do not overlap and never contain the gateway. IPv4 pools also leave out the network and broadcast
 * addresses; IPv6 has no broadcast, so its default pool runs to the last address. Plain Java.
 */
public final class SubnetPlanner {

    private SubnetPlanner() {}

    public static SubnetPlan plan(CreateSubnet request, String networkId, List<Cidr> otherSubnetsOfNetwork) {
        Cidr cidr = Inputs.cidr(request.cidr());
        if (request.ipVersion() != null && request.ipVersion() != cidr.version()) {
            throw InvalidInputException.because("cidr " + cidr + " is not an IPv" + request.ipVersion() + " network");
        }
        if (usable(cidr).signum() <= 0) {
            throw InvalidInputException.because("cidr " + cidr + " has no addresses to allocate");
        }
        for (Cidr other : otherSubnetsOfNetwork) {
            if (other.overlaps(cidr)) {
                throw InvalidInputException.because("Requested subnet with cidr: " + cidr + " for network: " + networkId
                        + " overlaps with another subnet");
            }
        }
        IpAddress gateway = gateway(request, cidr);
        List<IpRange> pools = request.allocationPools().isEmpty()
                ? defaultPools(cidr, gateway)
                : requestedPools(request.allocationPools(), cidr, gateway);
        if (pools.isEmpty()) {
            throw InvalidInputException.because(
                    "subnet " + cidr + " has no address left to allocate besides its gateway");
        }
        return new SubnetPlan(cidr, gateway, pools);
    }

    /** Neutron's default pools: the whole CIDR less the reserved addresses, split around the gateway. */
    static List<IpRange> defaultPools(Cidr cidr, IpAddress gateway) {
        IpAddress first = cidr.first().plus(1);
        IpAddress last = cidr.version() == 4 ? cidr.last().plus(-1) : cidr.last();
        List<IpRange> pools = new ArrayList<>();
        if (gateway == null || gateway.compareTo(first) < 0 || gateway.compareTo(last) > 0) {
            pools.add(new IpRange(first, last));
            return pools;
        }
        if (gateway.compareTo(first) > 0) {
            pools.add(new IpRange(first, gateway.plus(-1)));
        }
        if (gateway.compareTo(last) < 0) {
            pools.add(new IpRange(gateway.plus(1), last));
        }
        return pools;
    }

    private static IpAddress gateway(CreateSubnet request, Cidr cidr) {
        if (Boolean.TRUE.equals(request.noGateway())) {
            return null;
        }
        if (request.gatewayIp() == null) {
            return cidr.first().plus(1);
        }
        IpAddress gateway = Inputs.address(request.gatewayIp());
        if (!cidr.contains(gateway)) {
            throw InvalidInputException.because("Gateway IP " + gateway + " is not in subnet " + cidr);
        }
        if (gateway.equals(cidr.first()) || (cidr.version() == 4 && gateway.equals(cidr.last()))) {
            throw InvalidInputException.because(
                    "Gateway IP " + gateway + " is the network or broadcast address of " + cidr);
        }
        return gateway;
    }

    private static List<IpRange> requestedPools(List<AllocationPool> requested, Cidr cidr, IpAddress gateway) {
        List<IpRange> pools = new ArrayList<>();
        for (AllocationPool pool : requested) {
            if (pool == null) {
                throw InvalidInputException.because("an allocation pool needs a start and an end");
            }
            IpRange range;
            try {
                range = new IpRange(Inputs.address(pool.start()), Inputs.address(pool.end()));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.because(e.getMessage());
            }
            if (!cidr.contains(range.first()) || !cidr.contains(range.last())) {
                throw InvalidInputException.because(
                        "The allocation pool " + range + " spans beyond the subnet cidr " + cidr + ".");
            }
            if (range.contains(cidr.first()) || (cidr.version() == 4 && range.contains(cidr.last()))) {
                throw InvalidInputException.because(
                        "The allocation pool " + range + " contains the network or broadcast address of " + cidr + ".");
            }
            if (gateway != null && range.contains(gateway)) {
                throw InvalidInputException.because(
                        "Gateway ip " + gateway + " conflicts with allocation pool " + range);
            }
            pools.add(range);
        }
        pools.sort(Comparator.comparing(IpRange::first));
        for (int i = 1; i < pools.size(); i++) {
            if (pools.get(i - 1).overlaps(pools.get(i))) {
                throw InvalidInputException.because(
                        "Found overlapping allocation pools: " + pools.get(i - 1) + " and " + pools.get(i) + ".");
            }
        }
        return pools;
    }

    /** Addresses left once the reserved ones are taken out (network; broadcast on IPv4). */
    private static BigInteger usable(Cidr cidr) {
        return cidr.size().subtract(BigInteger.valueOf(cidr.version() == 4 ? 2 : 1));
    }
}
