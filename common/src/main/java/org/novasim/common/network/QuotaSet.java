package org.novasim.common.network;

/** A project's Neutron quotas for what novasim simulates: networks, subnets and ports (-1: unlimited). */
public record QuotaSet(int network, int subnet, int port) {}
