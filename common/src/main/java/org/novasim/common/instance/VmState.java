package org.novasim.common.instance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Nova's vm_state: what the instance is, as the database records it. */
public enum VmState {
    ACTIVE,
    BUILDING,
    PAUSED,
    SUSPENDED,
    STOPPED,
    RESCUED,
    RESIZED,
    SOFT_DELETED,
    DELETED,
    ERROR,
    SHELVED,
    SHELVED_OFFLOADED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VmState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
