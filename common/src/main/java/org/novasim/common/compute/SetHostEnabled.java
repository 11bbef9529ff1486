package org.novasim.common.compute;

/**
 * Whether the scheduler may place new instances on the host: not while its nova-compute service is disabled or
 * forced down (Nova's disabled and forced_down flags).
 * The API owns the flag and persists it; the host carries it in its reports, which is how every scheduler, also
 * one started later, learns it without a channel of its own.
 */
public record SetHostEnabled(String host, boolean enabled) {}
