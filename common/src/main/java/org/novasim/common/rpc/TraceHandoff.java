package org.novasim.common.rpc;

/**
 * Carries the message being handled to work that finishes it on another thread, so that the calls and casts the
 * work makes there belong to the same trace (see {@link RpcObservations#handoff()}).
 */
@FunctionalInterface
public interface TraceHandoff {

    TraceHandoff NONE = work -> work;

    /** The work, to run on any thread as part of the message that was being handled when this was taken. */
    Runnable wrap(Runnable work);
}
