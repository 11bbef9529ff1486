package org.novasim.network.instance;

import org.novasim.network.ip.IpAddress;
import org.novasim.network.store.NetworkEntity;
import org.novasim.network.store.PortEntity;

/**
 * One NIC an instance asked for, resolved: a network (with perhaps a fixed address on it), or an existing port.
 *
 * @param network null for a port request until the port is read
 */
record Nic(NetworkEntity network, IpAddress fixedIp, PortEntity port) {}
