package org.novasim.common.network;

/** A range of addresses of a subnet that automatic allocation hands out, both ends included (Neutron's shape). */
public record AllocationPool(String start, String end) {}
