package org.novasim.common.network;

/** Show one subnet by id. */
public record ShowSubnet(String subnetId) {}
