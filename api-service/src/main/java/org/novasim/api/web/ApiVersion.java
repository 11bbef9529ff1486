package org.novasim.api.web;

/**
 * A compute API microversion, {@code 2.x}. novasim implements 2.1 to {@link #MAX}: each response carries exactly
 * the fields its version defines.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public static final ApiVersion MIN = new ApiVersion(2, 1);
    /**
     * 2.2 keypair types and 201 on create; 2.3 more extended server attributes; 2.5 the ip filter for everyone;
     * 2.9 {@code locked}; 2.10 keypairs of another user for admins; 2.11 services forced down. (2.4, 2.6, 2.7, 2.8
     * change APIs novasim does not have: fixed IPs, remote consoles, flavor access.)
     */
    public static final ApiVersion MAX = new ApiVersion(2, 11);

    public static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2 || !parts[0].matches("[0-9]+") || !parts[1].matches("[0-9]+")) {
            throw new IllegalArgumentException(text);
        }
        return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return compareTo(new ApiVersion(wantedMajor, wantedMinor)) >= 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
