package org.novasim.scheduler.filter;

import java.time.Instant;
import java.util.Set;
import org.novasim.common.scheduler.RequestSpec;

/**
 * One instance being placed: its request, and the hosts its server group already uses, including those chosen
 * for earlier instances of the same request.
 */
public record FilterRequest(RequestSpec spec, Set<String> groupHosts, Instant now) {}
