package org.novasim.common.network;

/**
 * One NIC asked for in a server create request: a network (by id or name), optionally a fixed address on it, or
 * an existing port. The network id {@value #AUTO} means "the default network", {@value #NONE} means no NIC at all,
 * as in Nova's NetworkRequest.
 */
public record RequestedNetwork(String networkId, String fixedIp, String portId) {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    public static RequestedNetwork auto() {
        return new RequestedNetwork(AUTO, null, null);
    }

    public static RequestedNetwork none() {
        return new RequestedNetwork(NONE, null, null);
    }

    public boolean isAuto() {
        return AUTO.equals(networkId);
    }

    public boolean isNone() {
        return NONE.equals(networkId);
    }
}
