package org.novasim.benchmark.api;

import java.time.Instant;
import java.util.List;

/** One action (create, delete ...) of an instance with its events, as os-instance-actions/{request_id} shows it. */
public record InstanceAction(String action, String requestId, Instant start, List<ActionEvent> events) {}
