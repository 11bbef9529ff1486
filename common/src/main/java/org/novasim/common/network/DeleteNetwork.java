package org.novasim.common.network;

/** Delete a network and its subnets; refused while ports remain on it (Neutron's NetworkInUse). */
public record DeleteNetwork(String networkId) {}
