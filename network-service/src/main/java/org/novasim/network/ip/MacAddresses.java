package org.novasim.network.ip;

import java.util.concurrent.ThreadLocalRandom;

/** MAC addresses for ports, with OpenStack's prefix {@code fa:16:3e} (Neutron's base_mac) and a random tail. */
public final class MacAddresses {

    public static final String PREFIX = "fa:16:3e";

    private MacAddresses() {}

    /** A random address; uniqueness per network is the database's job (the caller retries on a clash). */
    public static String random() {
        int tail = ThreadLocalRandom.current().nextInt(1 << 24);
        return String.format("%s:%02x:%02x:%02x", PREFIX, tail >>> 16, tail >>> 8 & 0xff, tail & 0xff);
    }
}
