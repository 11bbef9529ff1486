package org.novasim.common;

import java.time.Duration;

/**
 * Checks for the values of settings records, made in their constructors so that a bad value stops a service at
 * start with the setting's name, instead of misbehaving later.
 */
public final class Settings {

    private Settings() {}

    public static void atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
    }

    public static void between(String name, double value, double minimum, double maximum) {
        if (!(value >= minimum && value <= maximum)) {
            throw new IllegalArgumentException(
                    name + " must be between " + minimum + " and " + maximum + ", not " + value);
        }
    }

    public static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }

    public static void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
    }
}
