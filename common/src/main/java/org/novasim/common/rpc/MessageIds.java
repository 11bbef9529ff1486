package org.novasim.common.rpc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for correlation and message ids: a random prefix per process and a counter. Unique enough for matching
 * replies and tracing, and far cheaper than {@link UUID#randomUUID()}, whose SecureRandom all threads of a process
 * share behind one lock (it showed as lock contention on every call under load).
 */
final class MessageIds {

    private static final String PREFIX = UUID.randomUUID().toString().substring(0, 13) + "-";
    private static final AtomicLong NEXT = new AtomicLong();

    private MessageIds() {}

    static String next() {
        return PREFIX + Long.toHexString(NEXT.incrementAndGet());
    }
}
