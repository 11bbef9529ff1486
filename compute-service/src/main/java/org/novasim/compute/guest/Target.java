package org.novasim.compute.guest;

import org.novasim.common.instance.InstanceInfo;

/**
 * The guest an action works on: its host and uuid, and for a rebuild what to spawn again (null otherwise).
 */
record Target(String host, String uuid, InstanceInfo instance) {

    static Target of(String host, String uuid) {
        return new Target(host, uuid, null);
    }
}
