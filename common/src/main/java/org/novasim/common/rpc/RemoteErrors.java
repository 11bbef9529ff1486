package org.novasim.common.rpc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a failure that came back over the wire into the typed exception the caller can catch. */
public final class RemoteErrors {

    private final Map<String, Constructor<? extends RemoteError>> byType = new HashMap<>();

    public RemoteErrors(List<Class<? extends RemoteError>> known) {
        for (Class<? extends RemoteError> type : known) {
            try {
                byType.put(type.getSimpleName(), type.getConstructor(String.class));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " needs a public constructor taking the message", e);
            }
        }
    }

    public RemoteError toException(String type, String message) {
        Constructor<? extends RemoteError> constructor = byType.get(type);
        if (constructor == null) {
            return new RemoteError(type, message);
        }
        try {
            return constructor.newInstance(message);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            return new RemoteError(type, message);
        }
    }
}
