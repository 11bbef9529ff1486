package org.novasim.common.network;

/**
 * Filters of list_ports, as Neutron's query parameters; a null filter matches everything. A non-admin sees its own
 * project's ports only.
 */
public record ListPorts(
        String id,
        String name,
        String networkId,
        String deviceId,
        String deviceOwner,
        String projectId,
        String macAddress,
        String status) {

    public static ListPorts all() {
        return new ListPorts(null, null, null, null, null, null, null, null);
    }

    public static ListPorts ofDevice(String deviceId) {
        return new ListPorts(null, null, null, deviceId, null, null, null, null);
    }

    public static ListPorts onNetwork(String networkId) {
        return new ListPorts(null, null, networkId, null, null, null, null, null);
    }
}
