package org.novasim.common.network;

/** An address on a subnet; version is 4 or 6. */
public record FixedIp(String address, int version, String subnetId) {}
