package org.novasim.network;

import org.novasim.common.network.InvalidInputException;
import org.novasim.network.ip.Cidr;
import org.novasim.network.ip.IpAddress;

/**
 * Checks of request fields, failing with Neutron's InvalidInput: a bad value must come back to the caller as a
 * typed error, never reach the database as an over-long or malformed column.
 */
public final class Inputs {

    public static final int NAME_LENGTH = 255;
    public static final int PROJECT_LENGTH = 64;

    private Inputs() {}

    /** An optional text: null becomes "", too long is refused. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return "";
        }
        if (value.length() > maxLength) {
            throw InvalidInputException.because("'" + field + "' exceeds maximum length of " + maxLength);
        }
        if (value.indexOf('\0') >= 0) {
            // PostgreSQL cannot store a NUL in text; no name needs one.
            throw InvalidInputException.because("'" + field + "' contains a NUL character");
        }
        return value;
    }

    /** A text that must be there. */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.because("'" + field + "' is required");
        }
        return text(field, value, maxLength);
    }

    public static IpAddress address(String value) {
        try {
            return IpAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.because(e.getMessage());
        }
    }

    public static Cidr cidr(String value) {
        try {
            return Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.because(e.getMessage());
        }
    }
}
