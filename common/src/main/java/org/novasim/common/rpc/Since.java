package org.novasim.common.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract version that added this field of a message record. A client capped below it (see
 * {@link RpcProperties#versionCaps()}) leaves the field out, as Nova's obj_make_compatible does, so the message
 * is exactly what a server of that version knows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Since {

    /** {@code major.minor} */
    String value();
}
