package org.novasim.common.rpc;

/**
 * A contract version {@code major.minor}. A server at 1.3 serves 1.0 to 1.3; a newer minor or another major is
 * refused, as oslo.messaging's dispatcher does.
 */
public record RpcVersion(int major, int minor) implements Comparable<RpcVersion> {

    public RpcVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version " + major + "." + minor);
        }
    }

    public static RpcVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing version");
        }
        int dot = text.indexOf('.');
        try {
            if (dot < 0) {
                return new RpcVersion(Integer.parseInt(text), 0);
            }
            return new RpcVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed version '" + text + "'", e);
        }
    }

    /** For the binding of settings such as {@code novasim.rpc.version-caps.compute=1.1}. */
    public static RpcVersion valueOf(String text) {
        return parse(text);
    }

    /** True when a server speaking this version can handle a message sent at {@code requested}. */
    public boolean canServe(RpcVersion requested) {
        return requested.major == major && requested.minor <= minor;
    }

    @Override
    public int compareTo(RpcVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
