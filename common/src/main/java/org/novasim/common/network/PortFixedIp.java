package org.novasim.common.network;

/**
 * One address of a port, in Neutron's {@code fixed_ips} shape. In a create request either field may be left out:
 * only a subnet means "any free address of it", only an address means "this address, on the subnet that holds it".
 */
public record PortFixedIp(String subnetId, String ipAddress) {}
