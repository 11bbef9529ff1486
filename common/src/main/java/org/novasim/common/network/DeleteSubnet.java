package org.novasim.common.network;

/** Delete a subnet; refused while a port holds an address on it (Neutron's SubnetInUse). */
public record DeleteSubnet(String subnetId) {}
